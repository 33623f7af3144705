package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * BUR-1: the candidate's wizard finds only exams and enrollments of the bureau addressed; another bureau's are 404,
 * as if they did not exist. Against real PostgreSQL and Kafka.
 */
@ServiceTest
class WizardBureauApiTest {

    @LocalServerPort
    int port;

    HttpProbe http;
    String sdExam = "SD-" + UUID.randomUUID().toString().substring(0, 8);
    String shExam = "SH-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anExamOfEachBureau() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, ExamDrafts.valid(sdExam));
        WizardJourney.createExam(http, ExamDrafts.selfStudy(shExam));
    }

    @Test
    @DisplayName("BUR-1: a Shanghai exam code at a Shandong address is 404 EXAM_NOT_FOUND, and the other way round")
    void startingAnotherBureausExamIsNotFound() {
        String candidate = UUID.randomUUID().toString();
        String shandong = TestServers.issuer().token(candidate, "candidate");
        String shanghai = TestServers.issuer().candidateTokenOf("sh", candidate);

        Answer unprefixed = start(shandong, null, shExam);
        assertThat(unprefixed.status()).as(unprefixed.body()).isEqualTo(404);
        assertThat(unprefixed.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(unprefixed.json().path("detail").asString()).isEqualTo("考试不存在");
        assertThat(start(shandong, "sd", shExam).problemCode()).isEqualTo("EXAM_NOT_FOUND");

        Answer sdAtSh = start(shanghai, "sh", sdExam);
        assertThat(sdAtSh.status()).as(sdAtSh.body()).isEqualTo(404);
        assertThat(sdAtSh.problemCode()).isEqualTo("EXAM_NOT_FOUND");

        // at its own address the Shanghai exam is found: 自考 has no wizard yet, which is a different answer
        Answer shAtSh = start(shanghai, "sh", shExam);
        assertThat(shAtSh.status()).as(shAtSh.body()).isEqualTo(409);
        assertThat(shAtSh.problemCode()).isEqualTo("WIZARD_NOT_AVAILABLE");
    }

    @Test
    @DisplayName("BUR-1: an enrollment of a Shandong exam is not found at Shanghai's address, even by its own subject")
    void anotherBureausEnrollmentIsNotFound() {
        WizardJourney candidate = new WizardJourney(http, sdExam).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
        candidate.started();
        // the same subject with a Shanghai token (the gateway lets it through at /sh/ only)
        String shanghai = TestServers.issuer().candidateTokenOf("sh", candidate.candidateId.toString());
        String enrollment = WizardJourney.BASE + "/" + candidate.enrollmentId;

        Answer read = send(shanghai, "sh", "GET", enrollment, null);
        assertThat(read.status()).as(read.body()).isEqualTo(404);
        assertThat(read.problemCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
        assertThat(send(shanghai, "sh", "GET", enrollment + "/preview", null).problemCode())
                .isEqualTo("ENROLLMENT_NOT_FOUND");
        Answer write = send(shanghai, "sh", "PUT", enrollment + "/personal-info",
                WizardJourney.personalInfo().replace("{", "{\"version\": " + candidate.version() + ", "));
        assertThat(write.status()).as(write.body()).isEqualTo(404);
        assertThat(write.problemCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
        assertThat(send(shanghai, "sh", "POST", enrollment + "/confirmation", "{\"version\": 1}").problemCode())
                .isEqualTo("ENROLLMENT_NOT_FOUND");
        Answer mine = send(shanghai, "sh", "GET", WizardJourney.BASE + "/mine", null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).as("none of Shanghai's").isEmpty();

        assertThat(candidate.get().path("status").asString()).as("at Shandong's, unchanged").isEqualTo("PLEDGE_ACCEPTED");
        assertThat(http.get(WizardJourney.BASE + "/mine", candidate.token).json()).hasSize(1);
    }

    private Answer start(String token, String bureau, String examCode) {
        return send(token, bureau, "POST", WizardJourney.BASE + "/exams/" + examCode + "/enrollment",
                "{\"accepted\": true}");
    }

    private Answer send(String token, String bureau, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token);
        if (bureau != null) {
            request.header(BureauAddress.HEADER, bureau);
        }
        if (json == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
