package org.baokao.enrollment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.courses.PaidCourses;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * SST-7 over HTTP against real PostgreSQL and Kafka: 下载报考信息确认单. The candidate's courses and 准考证号 come from
 * {@link CourseSeamFakes} (the seams' implementations are built beside this), the masked identity and the photo from
 * {@link FakeAccountAndPhotoServices}. Each test has a bureau of its own with the test course plan.
 */
@ServiceTest
@Import(CourseSeamFakes.class)
class ConfirmationSheetApiTest {

    static final String PATH = ConfirmationController.PATH;
    static final String BUREAU_NAME = "上海市教育考试院";

    @DynamicPropertySource
    static void fakeServices(DynamicPropertyRegistry properties) {
        properties.add("baokao.confirmation.account-service-url", FakeAccountAndPhotoServices::url);
        properties.add("baokao.confirmation.photo-service-url", FakeAccountAndPhotoServices::url);
        properties.add("baokao.confirmation.read-timeout", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    HttpProbe http;
    String bureau = BureauDrafts.newCode();
    String sitting = "SH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aCandidateOfASelfStudyBureauOfItsOwn() throws Exception {
        http = HttpProbe.onLocalPort(port);
        // the tests share one context: failures counted in one must not open a breaker in another
        breakers.circuitBreaker("account-service").reset();
        breakers.circuitBreaker("photo-service").reset();
        String operator = TestServers.issuer().token("op-1", "operator", "bureau-admin");
        Answer configured = BureauDrafts.put(http, operator, bureau, BureauDrafts.json(BureauDrafts.with(
                BureauDrafts.valid(bureau), b -> {
                    b.name = BUREAU_NAME;
                    b.registrationExamCode = sitting;
                    b.registrationGate = "OPEN";
                    return b;
                })));
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        Answer exam = ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.with(ExamDrafts.selfStudy(sitting),
                b -> {
                    b.bureau = bureau;
                    return b;
                })));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
        token = TestServers.issuer().candidateTokenOf(bureau, candidate.toString());
        KafkaEvents.ofTestServers().publish(new CandidateRegistered(candidate, null, sitting, "RESIDENT_ID",
                UUID.randomUUID().toString().replace("-", ""), "31**************12",
                Instant.parse("2026-09-01T02:00:00Z"), "138****5678", "FEMALE", LocalDate.of(2001, 5, 12), "10246",
                "B020101", bureau));
        Eventually.value("the registration", () -> {
            Answer held = http.send(http.request("/api/enrollments/self-study/universities")
                    .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau).GET());
            return held.json().path("registrations").isEmpty() ? null : held;
        });
        FakeAccountAndPhotoServices.PROFILES.put(token, """
                {"candidateId": "%s", "bureau": "%s", "idType": "RESIDENT_ID", "maskedIdNumber": "31**************12",
                 "maskedName": "李*", "maskedPhone": "138****5678", "mustVerifyPhone": false}""".formatted(candidate,
                bureau));
        FakeAccountAndPhotoServices.PHOTOS.put(token,
                new FakeAccountAndPhotoServices.Photo(200, ConfirmationRendererTest.portrait(), 0));
        CourseSeamFakes.ADMISSION_NUMBERS.put(candidate, "261024600007");
    }

    @Test
    @DisplayName("SST-7: the 确认单 of a candidate with paid courses: A4 PDF, photo, masked identity, 准考证号, courses")
    void aCandidateWithPaidCoursesDownloadsTheConfirmation() throws Exception {
        CourseSeamFakes.COURSES.put(candidate, List.of(
                SampleSheets.theory("10246", "复旦大学", "B020101", "经济学", "00642", "传播学概论", SampleSheets.SAT_AM,
                        3000),
                SampleSheets.theory("10246", "复旦大学", "B020101", "经济学", "00054", "管理学原理", SampleSheets.SAT_PM,
                        3000)));

        HttpResponse<byte[]> pdf = download(token, bureau);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment").contains(".pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(
                    "2026年10月上海市高等教育自学考试报考信息确认单", BUREAU_NAME, "李*", "31**************12",
                    "准考证号", "261024600007", "复旦大学（10246）", "经济学（B020101）", "传播学概论", "管理学原理",
                    "2026年10月24日 上午", "2026年10月24日 下午", "合计：¥60.00").doesNotContain("照片\n");
            assertThat(imageCount(document)).as("the photo").isEqualTo(1);
        }
        // both services were asked as the candidate, at the candidate's bureau
        assertThat(FakeAccountAndPhotoServices.seenWith(token)).extracting(FakeAccountAndPhotoServices.Seen::path)
                .containsExactlyInAnyOrder("/api/accounts/me", "/api/photos/mine/image");
        assertThat(FakeAccountAndPhotoServices.seenWith(token)).allSatisfy(
                seen -> assertThat(seen.bureau()).isEqualTo(bureau));
    }

    @Test
    @DisplayName("SST-7: before a course is paid there is no 确认单: 409 CONFIRMATION_NOT_AVAILABLE, nobody else asked")
    void noPaidCourseNoConfirmation() {
        CourseSeamFakes.COURSES.put(candidate, List.of(new PaidCourses.HeldCourse(
                "10246", "复旦大学", "B020101", "经济学", "10999", "毕业论文", "PRACTICAL", null, 0, "AWAITING_REVIEW",
                Instant.now())));

        Answer refused = get(token, bureau);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("CONFIRMATION_NOT_AVAILABLE");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("您还没有支付成功的课程，课程支付成功后才能下载报考信息确认单");
        assertThat(FakeAccountAndPhotoServices.seenWith(token)).isEmpty();
    }

    @Test
    @DisplayName("SST-7: no photo, or photo-service too slow: the 确认单 prints 照片 in the frame, within the timeout")
    void withoutThePhotoTheFrameSaysPhoto() throws Exception {
        CourseSeamFakes.COURSES.put(candidate, List.of(SampleSheets.theory("10246", "复旦大学", "B020101", "经济学",
                "00642", "传播学概论", SampleSheets.SAT_AM, 3000)));

        for (var photo : List.of(new FakeAccountAndPhotoServices.Photo(404, new byte[0], 0),
                new FakeAccountAndPhotoServices.Photo(200, ConfirmationRendererTest.portrait(), 5_000))) {
            FakeAccountAndPhotoServices.PHOTOS.put(token, photo);
            long began = System.nanoTime();
            HttpResponse<byte[]> pdf = download(token, bureau);

            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("the 1 s read timeout, not the 5 s photo")
                    .isLessThan(Duration.ofSeconds(4));
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document)).contains("照片", "传播学概论", "李*");
                assertThat(imageCount(document)).isZero();
            }
        }
    }

    @Test
    @DisplayName("SST-7: account-service not answering: 503 CANDIDATE_INFO_UNAVAILABLE, not a 确认单 of nobody")
    void withoutTheIdentityNoConfirmation() {
        CourseSeamFakes.COURSES.put(candidate, List.of(SampleSheets.theory("10246", "复旦大学", "B020101", "经济学",
                "00642", "传播学概论", SampleSheets.SAT_AM, 3000)));
        FakeAccountAndPhotoServices.PROFILES.remove(token);

        Answer unavailable = get(token, bureau);

        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.problemCode()).isEqualTo("CANDIDATE_INFO_UNAVAILABLE");
        assertThat(unavailable.json().path("detail").asString()).isEqualTo("暂时无法读取考生信息，请稍后再下载报考信息确认单");
    }

    @Test
    @DisplayName("SST-7: account-service failing again and again is left alone for a while (circuit breaker)")
    void aFailingAccountServiceIsNotAskedWhileItsBreakerIsOpen() {
        CourseSeamFakes.COURSES.put(candidate, List.of(SampleSheets.theory("10246", "复旦大学", "B020101", "经济学",
                "00642", "传播学概论", SampleSheets.SAT_AM, 3000)));
        FakeAccountAndPhotoServices.PROFILES.remove(token);
        CircuitBreaker breaker = breakers.circuitBreaker("account-service");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(get(token, bureau).problemCode()).isEqualTo("CANDIDATE_INFO_UNAVAILABLE");
            }
            assertThat(accountCalls()).isEqualTo(5);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            Answer whileOpen = get(token, bureau);

            assertThat(whileOpen.status()).isEqualTo(503);
            assertThat(whileOpen.problemCode()).isEqualTo("CANDIDATE_INFO_UNAVAILABLE");
            assertThat(accountCalls()).as("not asked while open").isEqualTo(5);
        } finally {
            breaker.reset(); // the other tests share this context
        }
    }

    @Test
    @DisplayName("SST-7: at a bureau without 自考 404 NOT_SELF_STUDY; another bureau's token 404; an operator 403")
    void onlyASelfStudyCandidateAtTheirBureau() {
        BureauDrafts.ensure(http);
        ExamDrafts.post(http, TestServers.issuer().token("op-1", "operator", "bureau-admin"),
                ExamDrafts.json(ExamDrafts.valid("SD-ZSB-2023")));
        String shandong = TestServers.issuer().candidateTokenOf("sd", candidate.toString());

        Answer notSelfStudy = get(shandong, "sd");
        assertThat(notSelfStudy.status()).as(notSelfStudy.body()).isEqualTo(404);
        assertThat(notSelfStudy.problemCode()).isEqualTo("NOT_SELF_STUDY");
        assertThat(get(token, "sd").status()).isEqualTo(404);
        assertThat(get(TestServers.issuer().token("op-1", "operator"), bureau).status()).isEqualTo(403);
        assertThat(http.send(http.request(PATH).header(BureauAddress.HEADER, bureau).GET()).status()).isEqualTo(401);
    }

    private long accountCalls() {
        return FakeAccountAndPhotoServices.seenWith(token).stream()
                .filter(seen -> seen.path().equals("/api/accounts/me")).count();
    }

    private Answer get(String bearer, String bureauCode) {
        return http.send(http.request(PATH).header("Authorization", "Bearer " + bearer)
                .header(BureauAddress.HEADER, bureauCode).GET());
    }

    private HttpResponse<byte[]> download(String bearer, String bureauCode) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Authorization", "Bearer " + bearer).header(BureauAddress.HEADER, bureauCode).build(),
                HttpResponse.BodyHandlers.ofByteArray());
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
