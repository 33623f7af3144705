package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** ENR-1 exam list, for candidates (public) and partner bureaus (API-1, role partner), against real PostgreSQL. */
@ServiceTest
class ExamApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    TestIssuer issuer = TestServers.issuer();
    String code = "T-" + UUID.randomUUID();

    @BeforeEach
    void anExam() {
        http = HttpProbe.onLocalPort(port);
        BureauDrafts.ensure(http);
        jdbc.sql("""
                insert into exam (id, code, bureau, name, kind, registration_opens_at, registration_closes_at,
                                  payment_opens_at, payment_closes_at)
                values (?, ?, 'sd', '2023年普通高等教育专升本考试', 'UNIFIED_UPGRADE', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), code, ts("2020-01-01T00:00:00Z"), ts("2099-01-01T00:00:00Z"),
                        ts("2020-01-01T00:00:00Z"), ts("2099-01-01T00:00:00Z"))
                .update();
    }

    @Test
    void candidatesSeeTheExamWithoutLoggingIn() {
        Answer answer = http.get("/api/enrollments/public/exams");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode exam = find(answer.json(), code);
        assertThat(exam.path("name").asString()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(exam.path("kindName").asString()).isEqualTo("普通高等教育专升本考试");
        assertThat(exam.path("registrationOpen").asBoolean()).isTrue();
    }

    @Test
    void partnerApiNeedsAToken() {
        Answer answer = http.get("/open-api/v1/exams");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).as(answer.body()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.json().path("detail").asString()).contains("请先登录");
    }

    @Test
    void partnerApiAnswersAPartner() {
        Answer answer = http.get("/open-api/v1/exams",
                issuer.partnerToken("partner-demo", "sd", 600, "partner-verify"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(find(answer.json(), code)).isNotNull();
    }

    @Test
    void api1_aPartnerListsOnlyTheExamsOfItsOwnBureau() {
        String shanghai = "T-SH-" + UUID.randomUUID();
        jdbc.sql("""
                insert into exam (id, code, bureau, name, kind, registration_opens_at, registration_closes_at,
                                  payment_opens_at, payment_closes_at)
                values (?, ?, 'sh', '2026年10月上海市高等教育自学考试', 'SELF_STUDY', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), shanghai, ts("2020-01-01T00:00:00Z"), ts("2099-01-01T00:00:00Z"),
                        ts("2020-01-01T00:00:00Z"), ts("2099-01-01T00:00:00Z"))
                .update();

        Answer answer = http.get("/open-api/v1/exams", issuer.partnerToken("partner-demo", "sd", 600));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(find(answer.json(), code)).isNotNull();
        for (JsonNode exam : answer.json()) {
            assertThat(exam.path("bureau").asString()).isEqualTo("sd");
        }
    }

    @Test
    void api1_aClientTheDirectoryDoesNotListIsRefused() {
        Answer answer = http.get("/open-api/v1/exams", issuer.partnerToken("partner-unlisted", "sd", 600));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemCode()).isEqualTo("PARTNER_UNKNOWN");
    }

    @Test
    void partnerApiRefusesOtherRoles() {
        Answer answer = http.get("/open-api/v1/exams", issuer.token("op-1", "operator"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void partnerApiRefusesForgedAndExpiredTokens() {
        assertThat(http.get("/open-api/v1/exams", issuer.tamperedToken("partner-demo", "partner")).status())
                .isEqualTo(401);
        assertThat(http.get("/open-api/v1/exams", issuer.expiredToken("partner-demo", "partner")).status())
                .isEqualTo(401);
        try (TestIssuer stranger = TestIssuer.start()) {
            assertThat(http.get("/open-api/v1/exams", stranger.token("partner-demo", "partner")).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void unknownPathsAnswerChineseProblemDetails() {
        Answer answer = http.get("/api/enrollments/public/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.problemCode()).as(answer.body()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().path("detail").asString()).isEqualTo("请求的资源不存在");
    }

    @Test
    void healthAndMetricsAreExposed() {
        assertThat(http.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        Answer metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("hikaricp_connections").contains("application=\"enrollment-service\"");
    }

    private static JsonNode find(JsonNode exams, String code) {
        for (JsonNode exam : exams) {
            if (code.equals(exam.path("code").asString())) {
                return exam;
            }
        }
        throw new AssertionError("exam " + code + " not listed in " + exams);
    }

    private static java.sql.Timestamp ts(String instant) {
        return java.sql.Timestamp.from(Instant.parse(instant));
    }
}
