package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OPS-3 考生查询: a candidate's enrollments for the Candidates desk, read-only: the desk's roles only (403), a city
 * operator only for a candidate who chose their city as exam location, another bureau's operator nothing (404).
 */
@ServiceTest
class CandidateEnrollmentsOperationsApiTest {

    @LocalServerPort
    int port;

    HttpProbe http;
    String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);
    WizardJourney candidate;

    @BeforeEach
    void aCandidateWhoChoseHeze() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, ExamDrafts.valid(examCode));
        candidate = new WizardJourney(http, examCode).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
        candidate.started();
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();
        assertThat(candidate.putPersonalInfo(WizardJourney.personalInfo(), version).status()).isEqualTo(200);
        assertThat(candidate.putExamChoice(ConfirmationApiTest.MED_AT_HEZE, version + 1).status()).isEqualTo(200);
    }

    @Test
    void theDesksRolesReadTheEnrollmentsWithinTheirScope() {
        Answer admin = get("sd", candidate.candidateId, token("sd", "bureau-admin", Map.of()));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().path("enrollments").size()).isEqualTo(1);
        var enrollment = admin.json().path("enrollments").get(0);
        assertThat(enrollment.path("examCode").asString()).isEqualTo(examCode);
        assertThat(enrollment.path("examLocationCode").asString()).isEqualTo("3717");
        assertThat(enrollment.path("status").asString()).isEqualTo("EXAM_CHOICE_SAVED");
        assertThat(get("sd", candidate.candidateId, token("sd", "auditor", Map.of())).status()).isEqualTo(200);

        assertThat(get("sd", candidate.candidateId, token("sd", "city-operator", Map.of("city", "3717"))).status())
                .isEqualTo(200);
        Answer otherCity = get("sd", candidate.candidateId, token("sd", "city-operator", Map.of("city", "3701")));
        assertThat(otherCity.status()).isEqualTo(404);
        assertThat(otherCity.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(get("sd", candidate.candidateId, token("sd", "university-reviewer", Map.of("university", "10246")))
                .status()).isEqualTo(404);

        Answer finance = get("sd", candidate.candidateId, token("sd", "finance", Map.of()));
        assertThat(finance.status()).isEqualTo(403);
        assertThat(finance.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");

        assertThat(get("sh", candidate.candidateId, token("sh", "bureau-admin", Map.of())).status())
                .as("another bureau's operator at their own address").isEqualTo(404);
        assertThat(get("sd", candidate.candidateId, token("sh", "bureau-admin", Map.of())).status())
                .as("another bureau's operator at Shandong's address").isEqualTo(404);

        UUID unknown = UUID.randomUUID();
        Answer nothing = get("sd", unknown, token("sd", "bureau-admin", Map.of()));
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().path("enrollments").size()).isZero();
        assertThat(get("sd", unknown, token("sd", "city-operator", Map.of("city", "3717"))).status()).isEqualTo(404);
    }

    private static String token(String bureau, String role, Map<String, Object> attributes) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, attributes, role);
    }

    private Answer get(String bureau, UUID candidateId, String token) {
        return http.send(http.request("/api/enrollments/operations/candidates/" + candidateId + "/enrollments")
                .header(BureauAddress.HEADER, bureau).header("Authorization", "Bearer " + token).GET());
    }
}
