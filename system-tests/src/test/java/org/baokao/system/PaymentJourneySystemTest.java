package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.LocalStack;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * PAY-1..PAY-4 and PAY-7 on the whole platform: a demo candidate confirms (the photo verdicts are played on the
 * stack's Kafka as photo-service publishes them), payment-service opens the fee order, the candidate pays through
 * the gateway at the sandbox bank's 沙箱 page, the bank's signed notification completes the enrollment, and the
 * receipt downloads.
 */
class PaymentJourneySystemTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofLocalStack();
    private static final String EXAM = LocalStack.DEMO_EXAM;
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aConfirmedCandidatePaysAtTheSandboxBankAndTheEnrollmentCompletes() throws Exception {
        Candidate candidate = LocalStack.newCandidates(1, "Payment@2026").getFirst();
        LocalStack.putOnRoster(EXAM, List.of(candidate), LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        journey.register(candidate);
        Thread.sleep(Duration.ofSeconds(61)); // ACC-6: the login code is a minute after the registration code
        String token = journey.login(candidate).accessToken();
        UUID candidateId = UUID.fromString(
                Stack.GATEWAY.get("/api/accounts/me", token).json().path("candidateId").asString());
        EnrollmentClient wizard = new EnrollmentClient(Stack.GATEWAY, token);

        int pledgeVersion = Stack.GATEWAY.get("/api/enrollments/public/exams/" + EXAM + "/pledge").json()
                .path("version").asInt();
        Answer started = await("the roster projection to know the candidate", () -> {
            Answer answer = wizard.start(EXAM, "{\"accepted\": true, \"pledgeVersion\": " + pledgeVersion + "}");
            return answer.status() == 201 ? answer : null;
        });
        UUID enrollmentId = UUID.fromString(started.json().path("id").asString());
        UUID photoId = UUID.randomUUID();
        EVENTS.publish(new PhotoAccepted(photoId, candidateId, Instant.now()));
        EVENTS.publish(new IdentityVerified(UUID.randomUUID(), candidateId, photoId, Instant.now()));
        JsonNode photoDone = awaitView(wizard, enrollmentId, v -> v.path("identityStatus").asString().equals("PASSED"));
        Answer info = wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo("pay@example.com"),
                photoDone.path("version").asInt());
        Answer choice = wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"3702\", \"subjectGroup\": "
                + "\"MED-TECH\"}", info.json().path("version").asInt());
        Answer confirmed = wizard.confirm(enrollmentId, choice.json().path("version").asInt());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        long owed = confirmed.json().path("fees").path("totalFen").asLong();

        // PAY-1, PAY-2: the order, itemised, through UnionPay (Qingdao)
        JsonNode order = await("payment-service to open the order", () -> {
            JsonNode orders = Stack.GATEWAY.get("/api/payments/orders?enrollmentId=" + enrollmentId, token).json();
            return orders.isArray() && !orders.isEmpty() ? orders.get(0) : null;
        });
        String orderId = order.path("id").asString();
        assertThat(order.path("amountFen").asLong()).isEqualTo(owed);
        assertThat(order.path("channel").asString()).isEqualTo("UNIONPAY");
        assertThat(order.path("paymentWindow").path("openNow").asBoolean()).isTrue();

        // 去缴费 twice (a double click): one bank order
        Answer paying = pay(token, orderId, "click-1");
        Answer again = pay(token, orderId, "click-1");
        assertThat(paying.status()).as(paying.body()).isEqualTo(200);
        String payUrl = paying.json().path("payUrl").asString();
        assertThat(again.json().path("payUrl").asString()).isEqualTo(payUrl);

        // the candidate at the bank's page presses 确认支付 and is sent back
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("沙箱").contains("中国银联").contains("确认支付");
        HttpResponse<String> pressed = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pressed.statusCode()).isEqualTo(303);

        // PAY-4: the bank's signed notification pays the order; enrollment-service completes the enrollment
        JsonNode completed = awaitView(wizard, enrollmentId, v -> v.path("status").asString().equals("COMPLETED"));
        assertThat(completed.path("fees").path("paymentStatus").asString()).isEqualTo("PAID");
        assertThat(EVENTS.matching(PaymentSucceeded.class, e -> e.enrollmentId().equals(enrollmentId), 1)).hasSize(1);
        assertThat(EVENTS.matching(EnrollmentCompleted.class, e -> e.enrollmentId().equals(enrollmentId), 1))
                .singleElement().satisfies(e -> assertThat(e.orderId().toString()).isEqualTo(orderId));

        // PAY-7: the receipt
        HttpResponse<byte[]> receipt = BROWSER.send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/api/payments/orders/" + orderId + "/receipt"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(new String(receipt.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static Answer pay(String token, String orderId, String key) {
        HttpProbe gateway = Stack.GATEWAY;
        return gateway.send(gateway.request("/api/payments/orders/" + orderId + "/pay")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode awaitView(EnrollmentClient wizard, UUID enrollmentId, Predicate<JsonNode> until) {
        return await("the enrollment to reach the expected state", () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return until.test(view) ? view : null;
        });
    }

    private static <T> T await(String what, java.util.function.Supplier<T> probe) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after 60 s waiting for " + what);
    }
}
