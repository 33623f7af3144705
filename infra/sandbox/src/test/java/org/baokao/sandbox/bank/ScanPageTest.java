package org.baokao.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public payment platform's phone page (公共支付): the QR code says its address; 确认支付 there pays, notifies the
 * merchant signed like the cashier page does, and answers 支付成功 on the phone without sending it anywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY})
class ScanPageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** The merchant: takes the bank's notifications, acknowledges them in the platform's format. */
    HttpServer merchant;
    final BlockingQueue<Map<String, String>> notifications = new LinkedBlockingQueue<>();

    @BeforeEach
    void merchantListens() throws IOException {
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/notify", exchange -> {
            notifications.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] ack = "{\"code\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ack.length);
            exchange.getResponseBody().write(ack);
            exchange.close();
        });
        merchant.start();
    }

    @AfterEach
    void merchantStops() {
        merchant.stop(0);
    }

    @Test
    void theQrCodeOpensAPhonePageOfThePlatformNextToTheCashierPage() {
        SandboxHttp http = new SandboxHttp(port);
        String orderNo = newOrderNo();
        Map<String, String> opened = open(http, "PUBLIC_PAYMENT_PLATFORM", orderNo, 23000);

        assertThat(opened.get("qrCode"))
                .isEqualTo("http://127.0.0.1:" + port + "/sandbox/bank/public_payment_platform/scan/" + orderNo);
        assertThat(opened.get("payUrl")).as("the cashier page stays")
                .isEqualTo("http://127.0.0.1:" + port + "/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/pay/" + orderNo);
        assertThat(http.get(path(opened.get("payUrl"))).body()).contains("确认支付", orderNo);

        HttpResponse<String> page = http.get(path(opened.get("qrCode")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(page.body()).contains("<title>上海市公共支付平台（沙箱）</title>", "<h1>上海市公共支付平台（沙箱）</h1>",
                "沙箱环境 · 非真实支付", "上海市教育考试院（沙箱商户）", "¥230.00", orderNo, "2026年10月高等教育自学考试 课程报考费",
                "待支付", ">确认支付</button>", ">取消支付</button>", "width=device-width", "max-width:480px");
    }

    @Test
    void payingOnThePhoneNotifiesTheMerchantSignedAsTheCashierPageDoesAndSaysSoOnThePhone() throws Exception {
        SandboxHttp http = new SandboxHttp(port);
        String scanned = newOrderNo();
        open(http, "PUBLIC_PAYMENT_PLATFORM", scanned, 23000);
        String atCashier = newOrderNo();
        open(http, "PUBLIC_PAYMENT_PLATFORM", atCashier, 9000);

        HttpResponse<String> paid = press(http, "/sandbox/bank/public_payment_platform/scan/" + scanned, "pay");
        assertThat(paid.statusCode()).as("the phone is answered, not sent anywhere").isEqualTo(200);
        assertThat(paid.headers().firstValue("Location")).isEmpty();
        assertThat(paid.body()).contains("支付成功", "交易流水号").doesNotContain(">确认支付</button>");
        press(http, "/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/pay/" + atCashier, "pay");

        Map<String, String> fromPhone = nextNotification(scanned);
        Map<String, String> fromCashier = nextNotification(atCashier);
        String key = JSON.readValue(http.get("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/public-key").body(),
                new TypeReference<Map<String, String>>() {
                }).get("publicKey");
        assertThat(verify(key, fromPhone)).isTrue();
        assertThat(fromPhone).containsEntry("channel", "PUBLIC_PAYMENT_PLATFORM").containsEntry("amountFen", "23000")
                .containsEntry("tradeStatus", "SUCCESS").containsEntry("signType", "RSA-SHA256");
        assertThat(fromPhone.keySet()).as("the same notification as the cashier page's")
                .containsExactlyInAnyOrderElementsOf(fromCashier.keySet());
        assertThat(verify(key, fromCashier)).isTrue();
        assertThat(http.get("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/api/orders/" + scanned).body())
                .contains("\"tradeStatus\":\"SUCCESS\"");

        HttpResponse<String> again = press(http, "/sandbox/bank/public_payment_platform/scan/" + scanned, "pay");
        assertThat(again.body()).as("a second press pays nothing more").contains("支付成功");
        assertThat(notifications.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void cancellingLeavesTheOrderWaitingAndAClosedOrderCannotBePaid() {
        SandboxHttp http = new SandboxHttp(port);
        String orderNo = newOrderNo();
        open(http, "PUBLIC_PAYMENT_PLATFORM", orderNo, 100);

        HttpResponse<String> cancelled = press(http, "/sandbox/bank/public_payment_platform/scan/" + orderNo, "cancel");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("您已取消支付", "待支付", ">确认支付</button>").doesNotContain("支付成功");

        http.postJson("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/api/orders/" + orderNo + "/close", "");
        HttpResponse<String> closed = press(http, "/sandbox/bank/public_payment_platform/scan/" + orderNo, "pay");
        assertThat(closed.body()).contains("订单已关闭").doesNotContain("支付成功").doesNotContain(">确认支付</button>");
        assertThat(http.get("/sandbox/bank/PUBLIC_PAYMENT_PLATFORM/api/orders/" + orderNo).body())
                .contains("\"tradeStatus\":\"CLOSED\"");
    }

    @Test
    void onlyTheQrCodeBankHasAPhonePageAndOnlyForItsOrders() {
        SandboxHttp http = new SandboxHttp(port);
        String ceb = newOrderNo();
        open(http, "CEB", ceb, 100);

        assertThat(http.get("/sandbox/bank/ceb/scan/" + ceb).statusCode()).isEqualTo(404);
        assertThat(http.get("/sandbox/bank/public_payment_platform/scan/" + ceb).statusCode()).isEqualTo(404);
        assertThat(http.get("/sandbox/bank/public_payment_platform/scan/" + newOrderNo()).body()).contains("没有找到此订单");
        assertThat(press(http, "/sandbox/bank/public_payment_platform/scan/" + newOrderNo(), "pay").statusCode())
                .isEqualTo(404);
        String ppp = newOrderNo();
        open(http, "PUBLIC_PAYMENT_PLATFORM", ppp, 100);
        assertThat(press(http, "/sandbox/bank/public_payment_platform/scan/" + ppp, "nonsense").statusCode())
                .isEqualTo(400);
    }

    private Map<String, String> open(SandboxHttp http, String bank, String orderNo, long amountFen) {
        HttpResponse<String> created = http.postJson("/sandbox/bank/" + bank + "/api/orders", "{\"orderNo\":\""
                + orderNo + "\",\"amountFen\":" + amountFen + ",\"subject\":\"2026年10月高等教育自学考试 课程报考费\","
                + "\"merchantName\":\"上海市教育考试院\",\"notifyUrl\":\"http://127.0.0.1:"
                + merchant.getAddress().getPort() + "/notify\",\"returnUrl\":\"http://platform.test/back\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readValue(created.body(), new TypeReference<Map<String, String>>() {
        });
    }

    private Map<String, String> nextNotification(String orderNo) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Map<String, String> next = notifications.poll(200, TimeUnit.MILLISECONDS);
            if (next != null && orderNo.equals(next.get("orderNo"))) {
                return next;
            }
            if (next != null) {
                notifications.add(next);
            }
        }
        throw new AssertionError("no notification of order " + orderNo);
    }

    private HttpResponse<String> press(SandboxHttp http, String path, String action) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=" + action)));
    }

    private static String newOrderNo() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static boolean verify(String publicKey, Map<String, String> params) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))));
        rsa.update(BankKeys.canonical(params).getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(params.get("sign")));
    }
}
