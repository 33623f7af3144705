package org.baokao.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The cashier page of each sandbox bank: its name and colours, the order, the 沙箱 banner, pay and cancel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY})
class PaymentPageTest {

    @LocalServerPort
    int port;

    @Test
    void eachBankShowsTheOrderInItsOwnColoursMarkedAsSandbox() {
        SandboxHttp http = new SandboxHttp(port);
        record Bank(String code, String name, String theme) {
        }
        for (Bank bank : new Bank[] { new Bank("CEB", "中国光大银行", "t-ceb"), new Bank("UNIONPAY", "中国银联", "t-unionpay"),
                new Bank("PUBLIC_PAYMENT_PLATFORM", "公共支付平台", "t-ppp") }) {
            String orderNo = open(http, bank.code(), 23000);
            String page = http.get("/sandbox/bank/" + bank.code() + "/pay/" + orderNo).body();
            assertThat(page).as(bank.code()).contains("沙箱环境 · 非真实支付", bank.name(), "class=\"" + bank.theme() + "\"",
                    orderNo, "230.00 元", "山东省教育招生考试院（沙箱商户）", "确认支付", "取消支付", "测试考试 报名考试费",
                    "<label for=\"card\">", "name=\"viewport\"");
        }
    }

    /** BUR-1: the merchant is whoever the order names (the order's 考试院), never a fixed one. */
    @Test
    void thePageNamesTheMerchantTheOrderNames() {
        SandboxHttp http = new SandboxHttp(port);
        String shanghai = open(http, "PUBLIC_PAYMENT_PLATFORM", 100, "\"上海市教育考试院\"");
        String unnamed = open(http, "PUBLIC_PAYMENT_PLATFORM", 100, "null");

        assertThat(http.get("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/pay/" + shanghai).body())
                .contains("上海市教育考试院（沙箱商户）").doesNotContain("山东");
        assertThat(http.get("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/pay/" + unnamed).body())
                .contains("考试机构（沙箱商户）").doesNotContain("山东");
    }

    @Test
    void cancellingReturnsWithoutPayingAndPayingShowsThePaidOrder() {
        SandboxHttp http = new SandboxHttp(port);
        String orderNo = open(http, "CEB", 100);

        HttpResponse<String> cancelled = press(http, "CEB", orderNo, "cancel");
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue("http://platform.test/back?result=cancelled");
        assertThat(http.get("/sandbox/bank/CEB/pay/" + orderNo).body()).contains("待支付", "确认支付");

        assertThat(press(http, "CEB", orderNo, "pay").headers().firstValue("Location"))
                .hasValue("http://platform.test/back?result=paid");
        assertThat(http.get("/sandbox/bank/CEB/pay/" + orderNo).body()).contains("支付成功", "银行流水号")
                .doesNotContain("确认支付");
        assertThat(press(http, "CEB", orderNo, "nonsense").statusCode()).isEqualTo(400);
        assertThat(http.get("/sandbox/bank/CEB/pay/unknown").statusCode()).isEqualTo(404);
    }

    private static String open(SandboxHttp http, String bank, long amountFen) {
        return open(http, bank, amountFen, "\"山东省教育招生考试院\"");
    }

    /** {@code merchantName} as JSON: a quoted name, or null. */
    private static String open(SandboxHttp http, String bank, long amountFen, String merchantName) {
        String orderNo = UUID.randomUUID().toString().replace("-", "");
        assertThat(http.postJson("/sandbox/bank/" + bank + "/api/orders", "{\"orderNo\":\"" + orderNo
                + "\",\"amountFen\":" + amountFen + ",\"subject\":\"测试考试 报名考试费\",\"merchantName\":"
                + merchantName + ",\"notifyUrl\":\"\",\"returnUrl\":\"http://platform.test/back\"}").statusCode())
                .isEqualTo(200);
        return orderNo;
    }

    private HttpResponse<String> press(SandboxHttp http, String bank, String orderNo, String action) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/bank/" + bank
                + "/pay/" + orderNo)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action)));
    }
}
