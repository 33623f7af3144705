package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * What the webhook tests stand on: exams made through the service, CONFIRMED enrollments written straight into the
 * wizard's table (as {@code lists.ListFixtures} does), the wizard's and payment-service's events published on the
 * real broker as those services publish them, and the partner API called with partner tokens of the realm's shape.
 */
final class WebhookFixtures {

    static final TestIssuer ISSUER = TestServers.issuer();
    /** partner-demo (bureau sd) with every scope, as the local realm has it. */
    static final String DEMO = ISSUER.partnerToken("partner-demo", "sd", 600, "partner-verify",
            "partner-enrollments", "partner-admission", "partner-webhooks");
    /** partner-zj (bureau sd), here with the webhooks scope too: another partner of the same bureau. */
    static final String ZJ = ISSUER.partnerToken("partner-zj", "sd", 30, "partner-verify", "partner-webhooks");
    static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    private final HttpProbe http;
    private final JdbcClient jdbc;
    private final ExamConfigurations exams;

    WebhookFixtures(HttpProbe http, JdbcClient jdbc, ExamConfigurations exams) {
        this.http = http;
        this.jdbc = jdbc;
        this.exams = exams;
    }

    /** A new exam of bureau {@code bureau} ({@code sd}: 专升本; {@code sh}: 自考). */
    Exam exam(String bureau) {
        BureauDrafts.ensure(http);
        String code = bureau.toUpperCase() + "-WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID id = exams.create(bureau.equals("sh") ? ExamDrafts.selfStudy(code) : ExamDrafts.valid(code)).id();
        return new Exam(id, code, bureau);
    }

    record Exam(UUID id, String code, String bureau) {
    }

    /** A candidate's CONFIRMED enrollment owing 230 元, as the wizard leaves it at step 5. */
    Enrollment confirmedEnrollment(Exam exam) {
        UUID id = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into enrollment (id, exam_id, exam_code, candidate_id, track, status, version, pledge_version,
                    pledge_accepted_at, identity_status, exam_location_code, sits_exam, subject_group_code,
                    confirmed_at, fee_items, fee_total_fen, created_at, updated_at)
                values (:id, :examId, :exam, :candidate, 'UNIFIED', 'CONFIRMED', 1, 1, :now, 'PASSED', '3701', true,
                    'MED', :now, cast(:items as jsonb), 23000, :now, :now)""")
                .param("id", id).param("examId", exam.id()).param("exam", exam.code()).param("candidate", candidate)
                .param("now", now)
                .param("items", "[{\"code\": \"REGISTRATION\", \"name\": \"报名\", \"amountFen\": 23000}]").update();
        return new Enrollment(id, candidate, exam);
    }

    record Enrollment(UUID id, UUID candidateId, Exam exam) {
    }

    /** The wizard's EnrollmentConfirmed for it; answers the event's id. */
    static UUID confirmed(Enrollment enrollment) {
        return EVENTS.publish(new EnrollmentConfirmed(enrollment.id(), enrollment.candidateId(),
                enrollment.exam().code(), "3701",
                List.of(new EnrollmentConfirmed.FeeItem("REGISTRATION", "报名", 23000)), Instant.now(), "UNIFIED",
                "MED", null, null, null, null, "2023年普通高等教育专升本考试", enrollment.exam().bureau()));
    }

    /** An EnrollmentCompleted for it (as if nothing were owed); answers the event's id. */
    static UUID completed(Enrollment enrollment) {
        return EVENTS.publish(new EnrollmentCompleted(enrollment.id(), enrollment.candidateId(), null, Instant.now()));
    }

    /** POST /open-api/v1/webhooks as {@code token}'s partner. */
    Answer register(String token, String url, String... events) {
        StringBuilder json = new StringBuilder("{\"url\": \"").append(url).append("\", \"events\": [");
        for (int i = 0; i < events.length; i++) {
            json.append(i == 0 ? "\"" : ", \"").append(events[i]).append('"');
        }
        return post("/open-api/v1/webhooks", token, json.append("]}").toString());
    }

    /** A subscription registered to {@code url} for every event type: its id and secret. */
    Registered registered(String token, String url) {
        Answer answer = register(token, url, "enrollment.confirmed", "enrollment.completed", "payment.succeeded",
                "payment.refunded");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode json = answer.json();
        return new Registered(UUID.fromString(json.path("id").asString()), json.path("secret").asString());
    }

    record Registered(UUID id, String secret) {
    }

    Answer post(String path, String token, String json) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token).DELETE());
    }

    /** Every subscription the tests made goes, with its deliveries: the next test's events find none of them. */
    void forgetSubscriptions() {
        jdbc.sql("delete from webhook_subscription").update();
    }
}
