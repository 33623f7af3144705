package org.baokao.enrollment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.enrollment.wizard.WizardJourney;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 下载报名信息表 (issue 22 item 6) over HTTP against real PostgreSQL and Kafka: a Shandong candidate walks the wizard
 * to a paid enrollment ({@link WizardJourney}), the photo comes from {@link FakeAccountAndPhotoServices}. The same
 * context as {@link ConfirmationSheetApiTest} (same fakes and properties), so no second start.
 */
@ServiceTest
@Import(CourseSeamFakes.class)
class RegistrationFormApiTest {

    static final String MED_AT_HEZE = "{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}";

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry properties) {
        properties.add("baokao.confirmation.account-service-url", FakeAccountAndPhotoServices::url);
        properties.add("baokao.confirmation.photo-service-url", FakeAccountAndPhotoServices::url);
        properties.add("baokao.confirmation.read-timeout", () -> "1s");
    }

    @LocalServerPort
    int port;

    HttpProbe http;
    WizardJourney candidate;

    @BeforeEach
    void aShandongCandidateWhoPaid() throws Exception {
        http = HttpProbe.onLocalPort(port);
        String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);
        WizardJourney.createExam(http, ExamDrafts.valid(examCode));
        candidate = new WizardJourney(http, examCode).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
        candidate.started();
        candidate.confirm(candidate.readyToConfirm(MED_AT_HEZE).path("version").asInt());
        WizardJourney.publish(new PaymentSucceeded(UUID.randomUUID(), candidate.enrollmentId, candidate.candidateId,
                23000, "CEB", "CEB" + System.nanoTime(), Instant.now()));
        candidate.awaitState(view -> view.path("status").asString().equals("COMPLETED"));
        FakeAccountAndPhotoServices.PHOTOS.put(candidate.token,
                new FakeAccountAndPhotoServices.Photo(200, ConfirmationRendererTest.portrait(), 0));
    }

    @Test
    @DisplayName("报名信息表: the candidate's own PDF, with 信息预览's details, the masked ID number, the fee state, the photo")
    void theCandidateDownloadsTheirRegistrationForm() throws Exception {
        HttpResponse<byte[]> pdf = download(candidate.token, candidate.enrollmentId);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment").contains(".pdf"));
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2023年普通高等教育专升本考试报名信息表", "张伟", "37**************12", "比对通过",
                    "英语、计算机、大学语文、高等数学II", "山东医学高等专科学校", "合计", "¥230.00", "已缴费");
            assertThat(imageCount(document)).as("the photo").isEqualTo(1);
        }
        assertThat(FakeAccountAndPhotoServices.seenWith(candidate.token))
                .extracting(FakeAccountAndPhotoServices.Seen::path).containsExactly("/api/photos/mine/image");
    }

    @Test
    @DisplayName("报名信息表: another candidate asking for this enrollment gets 404, not its data; photo-service not asked")
    void anotherCandidateGetsNotFound() {
        String other = TestServers.issuer().token(UUID.randomUUID().toString(), "candidate");

        Answer refused = http.get(path(candidate.enrollmentId), other);

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.problemCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
        assertThat(refused.body()).doesNotContain("张伟");
        assertThat(FakeAccountAndPhotoServices.seenWith(other)).isEmpty();
        assertThat(http.get(path(candidate.enrollmentId), TestServers.issuer().token("op-1", "operator")).status())
                .isEqualTo(403);
    }

    private static String path(UUID enrollmentId) {
        return RegistrationFormController.PATH.replace("{id}", enrollmentId.toString());
    }

    private HttpResponse<byte[]> download(String bearer, UUID enrollmentId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path(enrollmentId)))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long imageCount(PDDocument document) throws Exception {
        long images = 0;
        var resources = document.getPage(0).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }
}
