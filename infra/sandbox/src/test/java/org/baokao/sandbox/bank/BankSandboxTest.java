package org.baokao.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox banks (PAY-2): idempotent orders, signed answers, the 沙箱 payment page, refunds, statements. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY})
class BankSandboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @AfterEach
    void punctual() {
        new SandboxHttp(port).postJson("/sandbox/bank/api/behaviour",
                "{\"duplicates\":0,\"notifyDelayMs\":0,\"dropNotifications\":false}");
    }

    @Test
    void ordersAreIdempotentAndAnswersAreSignedWithThePublishedKey() throws Exception {
        SandboxHttp http = new SandboxHttp(port);
        String orderNo = UUID.randomUUID().toString().replace("-", "");
        String create = "{\"orderNo\":\"" + orderNo + "\",\"amountFen\":8000,\"subject\":\"报名考试费\",\"notifyUrl\":\"\"}";

        String first = http.postJson("/sandbox/bank/CEB/api/orders", create).body();
        String second = http.postJson("/sandbox/bank/CEB/api/orders", create).body();
        assertThat(second).isEqualTo(first);
        assertThat(http.postJson("/sandbox/bank/CEB/api/orders", create.replace("8000", "9000")).statusCode())
                .isEqualTo(409);

        HttpResponse<String> page = http.get("/sandbox/bank/CEB/pay/" + orderNo);
        assertThat(page.body()).contains("沙箱", "中国光大银行", "确认支付", "取消支付", "80.00");

        http.postJson("/sandbox/bank/CEB/test/orders/" + orderNo + "/pay", "");
        Map<String, String> query = map(http.get("/sandbox/bank/CEB/api/orders/" + orderNo).body());
        assertThat(query).containsEntry("tradeStatus", "SUCCESS").containsEntry("amountFen", "8000");
        String key = map(http.get("/sandbox/bank/CEB/public-key").body()).get("publicKey");
        assertThat(verify(key, query)).isTrue();
        query.put("amountFen", "1");
        assertThat(verify(key, query)).as("a changed amount breaks the signature").isFalse();
        String otherBanksKey = map(http.get("/sandbox/bank/UNIONPAY/public-key").body()).get("publicKey");
        assertThat(otherBanksKey).isNotEqualTo(key);

        String refundNo = "R" + orderNo.substring(0, 20);
        String refund = "{\"orderNo\":\"" + orderNo + "\",\"refundNo\":\"" + refundNo + "\",\"amountFen\":8000}";
        assertThat(map(http.postJson("/sandbox/bank/CEB/api/refunds", refund).body())).containsEntry("refundStatus", "SUCCESS");
        assertThat(map(http.postJson("/sandbox/bank/CEB/api/refunds", refund).body()))
                .as("the same refund number again refunds nothing more").containsEntry("refundStatus", "SUCCESS");
        assertThat(map(http.get("/sandbox/bank/CEB/api/orders/" + orderNo).body())).containsEntry("refundedFen", "8000");

        String statement = http.get("/sandbox/bank/CEB/statements/" + java.time.LocalDate.now(BankLedger.BANK_ZONE)).body();
        assertThat(statement).startsWith("type,bankTradeNo,orderNo,amountFen,time,refundNo")
                .contains("PAY,CEB").contains("," + orderNo + ",8000,").contains("REFUND,");
    }

    @Test
    void closingAWaitingOrderAndBadInput() throws Exception {
        SandboxHttp http = new SandboxHttp(port);
        String orderNo = UUID.randomUUID().toString().replace("-", "");
        http.postJson("/sandbox/bank/UNIONPAY/api/orders", "{\"orderNo\":\"" + orderNo + "\",\"amountFen\":100}");
        assertThat(map(http.postJson("/sandbox/bank/UNIONPAY/api/orders/" + orderNo + "/close", "").body()))
                .containsEntry("tradeStatus", "CLOSED");
        assertThat(http.get("/sandbox/bank/UNIONPAY/pay/" + orderNo).body()).contains("订单已关闭").doesNotContain("确认支付");
        assertThat(http.postJson("/sandbox/bank/NOBANK/api/orders", "{}").statusCode()).isEqualTo(404);
        assertThat(http.postJson("/sandbox/bank/UNIONPAY/api/orders", "{\"orderNo\":\"x\",\"amountFen\":-1}").statusCode())
                .isEqualTo(400);
        assertThat(http.postJson("/sandbox/bank/api/behaviour", "{\"duplicates\":-1}").statusCode()).isEqualTo(400);
    }

    private static Map<String, String> map(String json) {
        return new java.util.HashMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() {
        }));
    }

    private static boolean verify(String publicKey, Map<String, String> params) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        rsa.update(BankKeys.canonical(params).getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(params.get("sign")));
    }
}
