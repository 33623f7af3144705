package org.baokao.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.payment.PaymentJourney;
import org.baokao.payment.TestBureaus;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PAY-7: a paid order's receipt is a PDF whose Chinese is real text in an embedded font. The page is also rendered to
 * {@code target/receipt.png} so a person can look at it.
 */
@ServiceTest(sandbox = true)
class ReceiptTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPaidOrderHasAReceiptWithReadableChinese() throws Exception {
        PaymentJourney candidate = new PaymentJourney(port);
        candidate.confirmed("3702");
        String orderId = candidate.awaitOrder().path("id").asString();
        assertThat(candidate.http.get("/api/payments/orders/" + orderId + "/receipt", candidate.token).problemCode())
                .as("no receipt before payment").isEqualTo("RECEIPT_NOT_AVAILABLE");
        candidate.pay(orderId, "k");
        candidate.payAtBank("UNIONPAY", orderId);
        String trade = candidate.awaitStatus(orderId, "PAID").path("bankTradeNo").asString();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/payments/orders/" + orderId + "/receipt"))
                .header("Authorization", "Bearer " + candidate.token).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("报名考试费电子票据", "收款单位", "山东省教育招生考试院", "2026年普通高等教育专升本考试",
                    "报名", "英语", "30.00", "50.00", "人民币捌拾元整", "中国银联", trade);
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSansSC");
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 110);
            File png = new File("target/receipt.png");
            ImageIO.write(image, "png", png);
            assertThat(png).isNotEmpty();
        }
        PaymentJourney other = new PaymentJourney(port);
        assertThat(other.http.get("/api/payments/orders/" + orderId + "/receipt", other.token).status()).isEqualTo(404);
    }

    /** BUR-1: a receipt is issued in the name of the bureau of its order, and nothing on it says 山东. */
    @Test
    void aReceiptNamesTheBureauOfItsOrder() throws Exception {
        TestBureaus.configure(jdbc, TestBureaus.shanghai());
        PaymentJourney candidate = new PaymentJourney(port, "sh");
        candidate.confirmed("3101");
        String orderId = candidate.awaitOrder().path("id").asString();
        candidate.pay(orderId, "k");
        candidate.payAtBank("PUBLIC_PAYMENT_PLATFORM", orderId);
        candidate.awaitStatus(orderId, "PAID");

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/payments/orders/" + orderId + "/receipt"))
                .header("Authorization", "Bearer " + candidate.token).header("Baokao-Bureau", "sh").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("收款单位", TestBureaus.SHANGHAI_NAME, "公共支付平台")
                    .doesNotContain("山东");
        }
    }
}
