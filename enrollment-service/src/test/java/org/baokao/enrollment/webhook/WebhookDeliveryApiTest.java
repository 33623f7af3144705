package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.webhook.WebhookFixtures.DEMO;
import static org.baokao.enrollment.webhook.WebhookFixtures.EVENTS;
import static org.baokao.enrollment.webhook.WebhookFixtures.ZJ;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.webhook.PartnerEndpoint.Received;
import org.baokao.enrollment.webhook.WebhookFixtures.Enrollment;
import org.baokao.enrollment.webhook.WebhookFixtures.Exam;
import org.baokao.enrollment.webhook.WebhookFixtures.Registered;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * API-2 end to end inside the service: real events on the real broker, fanned out to the partner's subscriptions,
 * POSTed to an endpoint in this JVM ({@link PartnerEndpoint}) signed, retried with the tests' short schedule (400 ms,
 * 800 ms, 1600 ms: four tries), in order per candidate, dead after the last try, and redelivered by the partner.
 */
@ServiceTest
class WebhookDeliveryApiTest {

    private static final String DELIVERIES = "/open-api/v1/webhooks/deliveries";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExamConfigurations exams;

    WebhookFixtures fixtures;
    HttpProbe http;
    PartnerEndpoint endpoint;
    Exam exam;

    @BeforeEach
    void setUp() {
        http = HttpProbe.onLocalPort(port);
        fixtures = new WebhookFixtures(http, jdbc, exams);
        endpoint = PartnerEndpoint.start();
        exam = fixtures.exam("sd");
    }

    @AfterEach
    void tearDown() {
        fixtures.forgetSubscriptions();
        endpoint.close();
    }

    @Test
    void aDeliveryIsSignedWithTheSecretAndCarriesNoPersonalData() {
        Registered hook = fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);

        UUID eventId = WebhookFixtures.confirmed(enrollment);

        Received got = endpoint.awaitDelivered(eventId);
        assertThat(got.eventType()).isEqualTo("enrollment.confirmed");
        assertThat(got.contentType()).startsWith("application/json");
        assertThat(got.deliveryId()).isNotBlank();
        // the partner's check: t within 5 minutes, v1 = HMAC-SHA256(secret, t + "." + body)
        assertThat(Math.abs(Instant.now().getEpochSecond() - got.timestamp())).isLessThan(60);
        assertThat(got.signatures()).hasSize(1);
        assertThat(WebhookSignature.verify(got.signature(), got.body(), hook.secret(), Instant.now(),
                WebhookSignature.TOLERANCE)).isTrue();
        assertThat(got.signatures().getFirst())
                .isEqualTo(WebhookSignature.sign(hook.secret(), got.timestamp(), got.body()));
        // a wrong secret, a changed body, an old timestamp: refused
        assertThat(WebhookSignature.verify(got.signature(), got.body(), "whsec_" + "x".repeat(43), Instant.now(),
                WebhookSignature.TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(got.signature(), got.body().replace("23000", "1"), hook.secret(),
                Instant.now(), WebhookSignature.TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(got.signature(), got.body(), hook.secret(),
                Instant.now().plus(Duration.ofMinutes(6)), WebhookSignature.TOLERANCE)).isFalse();

        JsonNode body = got.json();
        assertThat(body.path("id").asString()).isEqualTo(eventId.toString());
        assertThat(body.path("type").asString()).isEqualTo("enrollment.confirmed");
        assertThat(body.path("bureau").asString()).isEqualTo("sd");
        JsonNode data = body.path("data");
        assertThat(data.path("examCode").asString()).isEqualTo(exam.code());
        assertThat(data.path("enrollmentReference").asString()).isEqualTo(enrollment.id().toString());
        assertThat(data.path("feeTotalFen").asLong()).isEqualTo(23000);
        assertThat(data.path("candidateReference").asString()).startsWith("cand_").hasSize(37);
        // no candidate id, track, location or anything else about the person
        assertThat(got.body()).doesNotContain(enrollment.candidateId().toString()).doesNotContain("UNIFIED")
                .doesNotContain("3701").doesNotContain("MED");
    }

    @Test
    void eachPartnerGetsItsOwnStableCandidateReference() {
        PartnerEndpoint other = PartnerEndpoint.start();
        try {
            fixtures.registered(DEMO, endpoint.url());
            fixtures.registered(ZJ, other.url());
            Enrollment enrollment = fixtures.confirmedEnrollment(exam);

            UUID confirmed = WebhookFixtures.confirmed(enrollment);
            UUID completed = WebhookFixtures.completed(enrollment);

            String demoFirst = reference(endpoint.awaitDelivered(confirmed));
            String demoSecond = reference(endpoint.awaitDelivered(completed));
            String zj = reference(other.awaitDelivered(confirmed));
            assertThat(demoSecond).isEqualTo(demoFirst);
            assertThat(zj).startsWith("cand_").isNotEqualTo(demoFirst);
        } finally {
            other.close();
        }
    }

    @Test
    void onlyTheSubscribedTypesOfThePartnersOwnBureauAreDelivered() {
        assertThat(fixtures.register(DEMO, endpoint.url(), "enrollment.completed").status()).isEqualTo(201);
        Enrollment shandong = fixtures.confirmedEnrollment(exam);
        Enrollment shanghai = fixtures.confirmedEnrollment(fixtures.exam("sh"));

        UUID notSubscribed = WebhookFixtures.confirmed(shandong);
        UUID otherBureau = WebhookFixtures.completed(shanghai);
        UUID wanted = WebhookFixtures.completed(shandong);

        endpoint.awaitDelivered(wanted);
        // the other two were consumed before or with it (one topic; the consumer applies in order per partition):
        // their rows would exist by now
        Eventually.value("both earlier events applied", () -> jdbc.sql(
                "select count(*) from messaging.inbox where event_id in (:a, :b)")
                .param("a", notSubscribed).param("b", otherBureau).query(Long.class).single() == 2 ? true : null);
        assertThat(endpoint.of(notSubscribed)).isEmpty();
        assertThat(endpoint.of(otherBureau)).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_id in (:a, :b)")
                .param("a", notSubscribed).param("b", otherBureau).query(Long.class).single()).isZero();
    }

    @Test
    void aPaymentGoesOutBeforeTheCompletionItCauses() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);
        UUID orderId = UUID.randomUUID();

        // payment-service's event: the wizard completes the enrollment and publishes EnrollmentCompleted
        UUID paid = EVENTS.publish(new PaymentSucceeded(orderId, enrollment.id(), enrollment.candidateId(), 23000,
                "CEB", "CEB20260501000001", Instant.now(), "专升本"));

        Received payment = endpoint.awaitDelivered(paid);
        Received completion = endpoint.await("enrollment.completed of the enrollment",
                r -> "enrollment.completed".equals(r.eventType()) && r.body().contains(enrollment.id().toString()));
        assertThat(completion.at()).isAfterOrEqualTo(payment.at());
        JsonNode data = payment.json().path("data");
        assertThat(data.path("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(data.path("amountFen").asLong()).isEqualTo(23000);
        assertThat(payment.body()).doesNotContain("CEB20260501000001");
        assertThat(completion.json().path("data").path("orderId").asString()).isEqualTo(orderId.toString());
    }

    @Test
    void aFailingDeliveryIsRetriedWithBackoffUntilTheEndpointAnswers() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);
        UUID eventId = UUID.randomUUID();
        endpoint.fail(eventId, 2);

        EVENTS.publish(eventId, confirmedEvent(enrollment), Instant.now(), enrollment.candidateId().toString());

        endpoint.awaitDelivered(eventId);
        List<Received> tries = endpoint.of(eventId);
        assertThat(tries).extracting(Received::answered).containsExactly(500, 500, 200);
        // the schedule's waits, 400 ms then 800 ms, at least (counted from each failure's end)
        assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        // one delivery, every try of it under the same delivery id
        assertThat(tries).extracting(Received::deliveryId).containsOnly(tries.getFirst().deliveryId());

        JsonNode listed = Eventually.value("the delivery listed as delivered", () -> {
            JsonNode item = delivery(DEMO, tries.getFirst().deliveryId());
            return item != null && item.path("status").asString().equals("DELIVERED") ? item : null;
        });
        assertThat(listed.path("attemptCount").asInt()).isEqualTo(3);
        assertThat(listed.path("attempts")).hasSize(3);
        assertThat(listed.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(500);
        assertThat(listed.path("attempts").get(0).path("error").asString()).contains("HTTP 500");
        assertThat(listed.path("attempts").get(2).path("succeeded").asBoolean()).isTrue();
        assertThat(listed.path("payload").path("id").asString()).isEqualTo(eventId.toString());
    }

    @Test
    void aDeliveryIsDeadAfterTheLastTryAndThePartnerRedeliversItOnceItIsBack() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);
        endpoint.closeConnections();
        double deadBefore = counter("dead");

        UUID eventId = WebhookFixtures.confirmed(enrollment);

        UUID deliveryId = deliveryOf(eventId);
        JsonNode dead = Eventually.value("the delivery dead after four tries", () -> {
            JsonNode item = delivery(DEMO, deliveryId.toString());
            return item != null && item.path("status").asString().equals("DEAD") ? item : null;
        });
        assertThat(dead.path("attemptCount").asInt()).isEqualTo(4);
        assertThat(dead.path("deadAt").isNull()).isFalse();
        assertThat(dead.path("nextAttemptAt").isNull()).isTrue();
        assertThat(dead.path("lastStatusCode").isNull()).isTrue();
        assertThat(dead.path("lastError").asString()).contains("未收到应答");
        assertThat(counter("dead")).isEqualTo(deadBefore + 1);
        assertThat(http.get(DELIVERIES + "?status=dead", DEMO).json().path("items").toString())
                .contains(deliveryId.toString());
        endpoint.recover();
        // back up, but a dead delivery is not tried again on its own
        sleep(Duration.ofSeconds(2));
        assertThat(endpoint.of(eventId)).isEmpty();

        Answer again = fixtures.post(DELIVERIES + "/" + deliveryId + "/redeliver", DEMO, null);

        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(again.json().path("redeliveredAt").isNull()).isFalse();
        Received redelivered = endpoint.awaitDelivered(eventId);
        assertThat(redelivered.deliveryId()).isEqualTo(deliveryId.toString());
        assertThat(redelivered.json().path("id").asString()).isEqualTo(eventId.toString());
        JsonNode delivered = Eventually.value("delivered after the redelivery", () -> {
            JsonNode item = delivery(DEMO, deliveryId.toString());
            return item.path("status").asString().equals("DELIVERED") ? item : null;
        });
        assertThat(delivered.path("attemptCount").asInt()).isEqualTo(5);
        assertThat(delivered.path("attempts")).hasSize(5);
        assertThat(endpoint.of(eventId)).hasSize(1);
    }

    @Test
    void anotherPartnersDeliveryIsNotFound() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);
        UUID eventId = WebhookFixtures.confirmed(enrollment);
        String deliveryId = endpoint.awaitDelivered(eventId).deliveryId();

        Answer theirs = fixtures.post(DELIVERIES + "/" + deliveryId + "/redeliver", ZJ, null);

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.problemCode()).isEqualTo("DELIVERY_NOT_FOUND");
        assertThat(http.get(DELIVERIES, ZJ).json().path("items")).isEmpty();
        assertThat(fixtures.post(DELIVERIES + "/" + UUID.randomUUID() + "/redeliver", DEMO, null).problemCode())
                .isEqualTo("DELIVERY_NOT_FOUND");
        assertThat(fixtures.post(DELIVERIES + "/" + deliveryId + "/redeliver",
                WebhookFixtures.ISSUER.partnerToken("partner-demo", "sd", 600, "partner-verify"), null)
                .problemCode()).isEqualTo("SCOPE_MISSING");
    }

    @Test
    void aCandidatesLaterEventWaitsWhileTheEarlierOneFailsAndOtherCandidatesDoNot() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment first = fixtures.confirmedEnrollment(exam);
        Enrollment other = fixtures.confirmedEnrollment(exam);
        UUID confirmed = UUID.randomUUID();
        endpoint.fail(confirmed, 3);

        EVENTS.publish(confirmed, confirmedEvent(first), Instant.now(), first.candidateId().toString());
        UUID completed = WebhookFixtures.completed(first);
        endpoint.await("the first failure", r -> confirmed.toString().equals(r.eventId()));
        UUID otherConfirmed = WebhookFixtures.confirmed(other);

        Received otherDelivered = endpoint.awaitDelivered(otherConfirmed);
        Received firstDelivered = endpoint.awaitDelivered(confirmed);
        Received laterDelivered = endpoint.awaitDelivered(completed);
        // the other candidate was not held up by the first one's failures
        assertThat(otherDelivered.at()).isBefore(firstDelivered.at());
        // the first candidate's later event was not even tried before the earlier one was delivered
        assertThat(endpoint.of(completed)).hasSize(1);
        assertThat(laterDelivered.at()).isAfterOrEqualTo(firstDelivered.at());
        assertThat(endpoint.of(confirmed)).extracting(Received::answered).containsExactly(500, 500, 500, 200);
    }

    @Test
    void aDeadDeliveryNoLongerHoldsUpTheCandidatesLaterOnes() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);
        UUID confirmed = UUID.randomUUID();
        endpoint.fail(confirmed, 100);

        EVENTS.publish(confirmed, confirmedEvent(enrollment), Instant.now(), enrollment.candidateId().toString());
        UUID completed = WebhookFixtures.completed(enrollment);
        // while it is retried it is on its way: a redelivery is refused
        String failing = endpoint.await("the first failure", r -> confirmed.toString().equals(r.eventId()))
                .deliveryId();
        Answer pending = fixtures.post(DELIVERIES + "/" + failing + "/redeliver", DEMO, null);
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.problemCode()).isEqualTo("DELIVERY_PENDING");

        Received later = endpoint.awaitDelivered(completed);
        List<Received> tries = endpoint.of(confirmed);
        assertThat(tries).hasSize(4).allMatch(r -> r.answered() == 500);
        assertThat(later.at()).isAfter(tries.getLast().at());
    }

    @Test
    void duringARotationDeliveriesCarryBothSignaturesAndAfterItOnlyTheNewOne() {
        Registered hook = fixtures.registered(DEMO, endpoint.url());
        String next = fixtures.post("/open-api/v1/webhooks/" + hook.id() + "/secret", DEMO, null).json()
                .path("secret").asString();
        Enrollment enrollment = fixtures.confirmedEnrollment(exam);

        Received during = endpoint.awaitDelivered(WebhookFixtures.confirmed(enrollment));

        assertThat(during.signatures()).hasSize(2);
        assertThat(during.signatures().get(0)).isEqualTo(WebhookSignature.sign(next, during.timestamp(), during.body()));
        assertThat(during.signatures().get(1))
                .isEqualTo(WebhookSignature.sign(hook.secret(), during.timestamp(), during.body()));
        Instant now = Instant.now();
        assertThat(WebhookSignature.verify(during.signature(), during.body(), next, now, WebhookSignature.TOLERANCE))
                .isTrue();
        assertThat(WebhookSignature.verify(during.signature(), during.body(), hook.secret(), now,
                WebhookSignature.TOLERANCE)).isTrue();

        // the overlap is over (24 h by default: moved into the past here)
        jdbc.sql("update webhook_subscription set previous_secret_until = now() - interval '1 second' where id = :id")
                .param("id", hook.id()).update();
        Received after = endpoint.awaitDelivered(WebhookFixtures.completed(enrollment));

        assertThat(after.signatures()).hasSize(1);
        assertThat(WebhookSignature.verify(after.signature(), after.body(), next, Instant.now(),
                WebhookSignature.TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(after.signature(), after.body(), hook.secret(), Instant.now(),
                WebhookSignature.TOLERANCE)).isFalse();
        assertThat(http.get("/open-api/v1/webhooks", DEMO).json().get(0).path("previousSecretExpiresAt").isNull())
                .isTrue();
    }

    @Test
    void theDeliveryListPagesWithACursorAndFiltersByStatus() {
        fixtures.registered(DEMO, endpoint.url());
        Enrollment a = fixtures.confirmedEnrollment(exam);
        Enrollment b = fixtures.confirmedEnrollment(exam);
        Enrollment c = fixtures.confirmedEnrollment(exam);
        for (Enrollment enrollment : List.of(a, b, c)) {
            endpoint.awaitDelivered(WebhookFixtures.confirmed(enrollment));
        }

        JsonNode first = http.get(DELIVERIES + "?limit=2", DEMO).json();
        assertThat(first.path("items")).hasSize(2);
        String cursor = first.path("nextCursor").asString();
        JsonNode second = http.get(DELIVERIES + "?limit=2&cursor=" + cursor, DEMO).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(List.of(first.path("items").get(0).path("id").asString(),
                first.path("items").get(1).path("id").asString(), second.path("items").get(0).path("id").asString()))
                .doesNotHaveDuplicates();

        assertThat(http.get(DELIVERIES + "?status=delivered", DEMO).json().path("items")).hasSize(3);
        assertThat(http.get(DELIVERIES + "?status=dead", DEMO).json().path("items")).isEmpty();
        assertThat(http.get(DELIVERIES + "?status=lost", DEMO).problemCode()).isEqualTo("DELIVERY_STATUS_INVALID");
        assertThat(http.get(DELIVERIES + "?cursor=nonsense", DEMO).problemCode()).isEqualTo("INVALID_CURSOR");
        assertThat(http.get(DELIVERIES + "?limit=101", DEMO).problemCode()).isEqualTo("PAGE_SIZE_TOO_LARGE");
    }

    @Test
    void deliveriesAreCountedByResultAndThePendingOnesGauged() {
        fixtures.registered(DEMO, endpoint.url());
        double before = counter("delivered");
        endpoint.awaitDelivered(WebhookFixtures.confirmed(fixtures.confirmedEnrollment(exam)));

        Eventually.value("the counter", () -> counter("delivered") >= before + 1 ? true : null);
        assertThat(http.get("/actuator/prometheus").body()).contains("baokao_webhook_pending");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double counter(String result) {
        String metrics = http.get("/actuator/prometheus").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith("baokao_webhook_deliveries_total{") && line.contains("result=\"" + result + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private UUID deliveryOf(UUID eventId) {
        return Eventually.value("the delivery of " + eventId, () -> jdbc.sql(
                "select id from webhook_delivery where event_id = :event").param("event", eventId)
                .query(UUID.class).optional().orElse(null));
    }

    /** The partner's listed delivery, from its newest 100. */
    private JsonNode delivery(String token, String id) {
        for (JsonNode item : http.get(DELIVERIES + "?limit=100", token).json().path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private static String reference(Received received) {
        return received.json().path("data").path("candidateReference").asString();
    }

    private static org.baokao.events.enrollment.EnrollmentConfirmed confirmedEvent(Enrollment enrollment) {
        return new org.baokao.events.enrollment.EnrollmentConfirmed(enrollment.id(), enrollment.candidateId(),
                enrollment.exam().code(), "3701",
                List.of(new org.baokao.events.enrollment.EnrollmentConfirmed.FeeItem("REGISTRATION", "报名", 23000)),
                Instant.now(), "UNIFIED", "MED", null, null, null, null, "专升本", enrollment.exam().bureau());
    }
}
