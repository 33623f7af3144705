package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.events.payment.OrderCreated;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;

/**
 * Shanghai course orders (issue 19, SST-6, PAY-2, PAY-5, PAY-7) against the sandbox's public payment platform:
 * CourseOrderPlaced opens one fee order keyed by the course order; the PC page's QR code (PNG) says the platform's
 * phone page, where 确认支付 pays it; the receipt is a 课程报考费 one; money at or after the lapse goes back, and
 * CourseOrderLapsed closes the open order at the bank first. Orders live 10 s here.
 */
@ServiceTest(sandbox = true)
class CourseOrderTest {

    private static final String PPP = "PUBLIC_PAYMENT_PLATFORM";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void shanghaiIsConfigured() {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
    }

    /** One order per course order, however often it is placed, routed 3101 → 310000 → the public payment platform. */
    @Test
    void aPlacedCourseOrderOpensOneOrderKeyedByIt() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        Instant lapsesAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        candidate.coursesPlaced(lapsesAt);
        candidate.coursesPlaced(lapsesAt);

        JsonNode order = candidate.awaitOrder();
        Thread.sleep(1500);

        assertThat(candidate.orders()).hasSize(1);
        assertThat(order.path("kind").asString()).isEqualTo("COURSE_ORDER");
        assertThat(order.path("enrollmentId").asString()).isEqualTo(candidate.enrollmentId.toString());
        assertThat(order.path("bureau").asString()).isEqualTo("sh");
        assertThat(order.path("channel").asString()).isEqualTo(PPP);
        assertThat(order.path("status").asString()).isEqualTo("CREATED");
        assertThat(order.path("amountFen").asLong()).isEqualTo(18000);
        assertThat(order.path("items").valueStream().map(i -> i.path("name").asString() + i.path("amountFen").asLong())
                .toList()).containsExactly("复旦大学 传播学概论9000", "华东师范大学 学前心理学9000");
        assertThat(Instant.parse(order.path("lapsesAt").asString())).isEqualTo(lapsesAt);
        assertThat(jdbc.sql("select region_code from fee_order where id = ?::uuid").param(order.path("id").asString())
                .query(String.class).single()).isEqualTo("310000");
        assertThat(KafkaEvents.ofTestServers().matching(OrderCreated.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).hasSize(1);
    }

    /**
     * 公共支付 from end to end: 去缴费 → the PC page's QR code image decodes to the platform's phone page → 确认支付
     * there → PAID, PaymentSucceeded naming the course order → a 课程报考费电子票据 in Shanghai's name.
     */
    @Test
    void theQrCodeIsScannedAndPaidOnThePhone() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        candidate.coursesPlaced(Instant.now().plus(Duration.ofDays(1)));
        String orderId = candidate.awaitOrder().path("id").asString();
        String qrPath = "/api/payments/orders/" + orderId + "/qr.png";
        Answer beforePaying = candidate.get(qrPath);
        assertThat(beforePaying.status()).isEqualTo(409);
        assertThat(beforePaying.problemCode()).isEqualTo("QR_NOT_AVAILABLE");
        assertThat(beforePaying.json().path("detail").asString()).contains("去缴费");
        HttpResponse<byte[]> askedForAnImage = image(candidate, qrPath, "image/png");
        assertThat(askedForAnImage.statusCode()).as("a problem, even to a client that accepts only images")
                .isEqualTo(409);
        assertThat(new String(askedForAnImage.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("QR_NOT_AVAILABLE");

        JsonNode paying = candidate.pay(orderId, "k").json();
        String qrCode = paying.path("qrCode").asString();
        assertThat(qrCode).endsWith("/sandbox/bank/public_payment_platform/scan/" + PaymentJourney.bankOrderNo(orderId));
        HttpResponse<byte[]> png = image(candidate, qrPath);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(decode(png.body())).isEqualTo(qrCode);
        PaymentJourney other = new PaymentJourney(port, "sh");
        assertThat(other.get(qrPath).status()).as("another candidate's order").isEqualTo(404);
        assertThat(other.get(qrPath).problemCode()).isEqualTo("ORDER_NOT_FOUND");

        HttpClient phone = HttpClient.newHttpClient();
        String page = phone.send(HttpRequest.newBuilder(URI.create(qrCode)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("上海市公共支付平台（沙箱）", "上海市教育考试院（沙箱商户）", "¥180.00",
                PaymentJourney.SITTING + " 课程报考费", "确认支付");
        HttpResponse<String> confirmed = phone.send(HttpRequest.newBuilder(URI.create(qrCode))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("支付成功");

        JsonNode paid = candidate.awaitStatus(orderId, "PAID");
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).singleElement().satisfies(e -> {
                    assertThat(e.orderId().toString()).isEqualTo(orderId);
                    assertThat(e.amountFen()).isEqualTo(18000);
                    assertThat(e.channel()).isEqualTo(PPP);
                    assertThat(e.examName()).isEqualTo(PaymentJourney.SITTING);
                });
        assertThat(candidate.get(qrPath).problemCode()).as("paid: nothing to scan").isEqualTo("QR_NOT_AVAILABLE");

        HttpResponse<byte[]> receipt = image(candidate, "/api/payments/orders/" + orderId + "/receipt");
        assertThat(receipt.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("课程报考费电子票据", TestBureaus.SHANGHAI_NAME,
                    PaymentJourney.SITTING, "复旦大学 传播学概论", "华东师范大学 学前心理学", "90.00", "人民币壹佰捌拾元整",
                    "公共支付平台", paid.path("bankTradeNo").asString()).doesNotContain("报名考试费");
        }
    }

    /** Only the public payment platform pays by QR code: a redirect channel's pending order has none. */
    @Test
    void aRedirectChannelsOrderHasNoQrCode() {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.pay(orderId, "k").status()).isEqualTo(200);

        Answer answer = candidate.get("/api/payments/orders/" + orderId + "/qr.png");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemCode()).isEqualTo("QR_NOT_AVAILABLE");
        assertThat(answer.json().path("detail").asString()).contains("中国银联");
    }

    /**
     * PAY-5 at the lapse: the 30 minutes end at the registration close; money the bank takes at or after it is
     * refunded (ORDER_LAPSED) and never pays the order; it can be neither paid nor ordered again.
     */
    @Test
    void moneyAtOrAfterTheLapseIsRefunded() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        Instant lapsesAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        candidate.coursesPlaced(lapsesAt);
        String orderId = candidate.awaitOrder().path("id").asString();
        JsonNode pending = candidate.pay(orderId, "k").json();
        assertThat(Instant.parse(pending.path("expiresAt").asString())).as("not 10 s: the lapse comes first")
                .isEqualTo(lapsesAt);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lapsesAt).toMillis()) + 500);

        candidate.latePayAtBank(PPP, orderId);

        assertThat(KafkaEvents.ofTestServers().matching(PaymentRefunded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 1)).singleElement().satisfies(r -> {
                    assertThat(r.reason()).isEqualTo("ORDER_LAPSED");
                    assertThat(r.amountFen()).isEqualTo(18000);
                });
        PaymentJourney.await(() -> candidate.bankOrder(PPP, orderId), o -> o.path("refundedFen").asLong() == 18000,
                "the bank refunded");
        assertThat(KafkaEvents.ofTestServers().matching(PaymentSucceeded.class,
                e -> e.enrollmentId().equals(candidate.enrollmentId), 0)).isEmpty();
        assertThat(candidate.order(orderId).path("status").asString()).isIn("EXPIRED", "CLOSED");
        assertThat(candidate.pay(orderId, "again").problemCode()).isEqualTo("ORDER_LAPSED");
        Answer reorder = candidate.post("/api/payments/enrollments/" + candidate.enrollmentId + "/orders");
        assertThat(reorder.status()).isEqualTo(409);
        assertThat(reorder.problemCode()).isEqualTo("ORDER_LAPSED");
    }

    /**
     * CourseOrderLapsed: the pending order is closed at the bank first, then here (CLOSED), even when the placed
     * order said it would lapse later; a created one is simply closed; a second delivery changes nothing.
     */
    @Test
    void aLapsedCourseOrderIsClosedAtTheBankFirst() {
        PaymentJourney pendingOne = new PaymentJourney(port, "sh");
        pendingOne.coursesPlaced(Instant.now().plus(Duration.ofDays(1)));
        String pendingId = pendingOne.awaitOrder().path("id").asString();
        assertThat(pendingOne.pay(pendingId, "k").status()).isEqualTo(200);
        PaymentJourney createdOne = new PaymentJourney(port, "sh");
        createdOne.coursesPlaced(Instant.now().plus(Duration.ofDays(1)));
        String createdId = createdOne.awaitOrder().path("id").asString();
        Instant lapsedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        pendingOne.coursesLapsed(lapsedAt);
        createdOne.coursesLapsed(lapsedAt);
        TestBureaus.awaitApplied(jdbc, pendingOne.coursesLapsed(lapsedAt));

        JsonNode closed = pendingOne.awaitStatus(pendingId, "CLOSED");
        assertThat(closed.path("statusName").asString()).isEqualTo("已关闭");
        assertThat(Instant.parse(closed.path("lapsesAt").asString())).as("it lapsed when the event says")
                .isEqualTo(lapsedAt);
        assertThat(pendingOne.bankOrder(PPP, pendingId).path("tradeStatus").asString()).isEqualTo("CLOSED");
        assertThat(createdOne.awaitStatus(createdId, "CLOSED").path("channel").asString()).isEqualTo(PPP);
        assertThat(pendingOne.pay(pendingId, "again").problemCode()).isEqualTo("ORDER_LAPSED");
        assertThat(createdOne.post("/api/payments/enrollments/" + createdOne.enrollmentId + "/orders").problemCode())
                .isEqualTo("ORDER_LAPSED");
        assertThat(pendingOne.orders()).hasSize(1);

        pendingOne.latePayAtBank(PPP, pendingId);

        assertThat(KafkaEvents.ofTestServers().matching(PaymentRefunded.class,
                e -> e.enrollmentId().equals(pendingOne.enrollmentId), 1)).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("ORDER_LAPSED"));
        assertThat(pendingOne.order(pendingId).path("status").asString()).isEqualTo("CLOSED");
    }

    private HttpResponse<byte[]> image(PaymentJourney candidate, String path) throws Exception {
        return image(candidate, path, "*/*");
    }

    private HttpResponse<byte[]> image(PaymentJourney candidate, String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + candidate.token).header("Accept", accept)
                .header(org.baokao.web.bureau.BureauAddress.HEADER, "sh").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
