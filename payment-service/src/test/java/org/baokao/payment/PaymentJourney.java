package org.baokao.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.web.bureau.BureauAddress;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One candidate's way through payment-service in tests: a confirmation over Kafka, the API, the sandbox bank. A
 * candidate of a named bureau holds that bureau's token and calls at its address (header {@code Baokao-Bureau}, as
 * the gateway sets it); one without is the default bureau's, as before bureaus.
 */
public final class PaymentJourney {

    public static final Instant WINDOW_OPENS = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant WINDOW_CLOSES = Instant.parse("2099-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final UUID candidateId = UUID.randomUUID();
    public final UUID enrollmentId = UUID.randomUUID();
    public final HttpProbe http;
    public final HttpProbe bank = HttpProbe.at(TestServers.sandboxUrl());
    public final String token;
    /** The candidate's bureau; null = the default bureau, addressed without a prefix. */
    public final String bureau;

    public PaymentJourney(int port) {
        this.http = HttpProbe.onLocalPort(port);
        this.token = TestServers.issuer().token(candidateId.toString(), "candidate");
        this.bureau = null;
    }

    public PaymentJourney(int port, String bureau) {
        this.http = HttpProbe.onLocalPort(port);
        this.token = TestServers.issuer().candidateTokenOf(bureau, candidateId.toString());
        this.bureau = bureau;
    }

    public static List<EnrollmentConfirmed.FeeItem> fees() {
        return List.of(new EnrollmentConfirmed.FeeItem("REGISTRATION", "报名", 3000),
                new EnrollmentConfirmed.FeeItem("ENGLISH", "英语", 5000));
    }

    public void confirmed(String location) {
        confirmed(location, WINDOW_OPENS, WINDOW_CLOSES, "00:00", "24:00");
    }

    public UUID confirmed(String location, Instant opens, Instant closes, String dailyOpens, String dailyCloses) {
        return KafkaEvents.ofTestServers().publish(new EnrollmentConfirmed(enrollmentId, candidateId, "SD-ZSB-2026",
                location, fees(), Instant.now(), "UNIFIED", "MED", opens, closes, dailyOpens, dailyCloses,
                "2026年普通高等教育专升本考试", bureau));
    }

    /** A Shanghai 自考 sitting, whose course orders are paid through the public payment platform. */
    public static final String SITTING = "2026年10月高等教育自学考试";

    /** Two theory courses at two universities, 90 yuan each. */
    public static List<CourseOrderPlaced.Item> courses() {
        return List.of(new CourseOrderPlaced.Item("00642", "复旦大学 传播学概论", 9000),
                new CourseOrderPlaced.Item("00400", "华东师范大学 学前心理学", 9000));
    }

    /**
     * The candidate agreed to the 考生报考承诺书 of a course order (SST-6): {@link #enrollmentId} plays the course
     * order's id, which its fee order is keyed by. Returns the event's id.
     */
    public UUID coursesPlaced(Instant lapsesAt) {
        return KafkaEvents.ofTestServers().publish(new CourseOrderPlaced(enrollmentId, candidateId, bureau,
                "SH-ZK-202610", SITTING, "3101", courses(), Instant.now(), WINDOW_OPENS, WINDOW_CLOSES, "00:00",
                "24:00", lapsesAt));
    }

    /** The registration window closed with the course order unpaid (课程报考视为无效). */
    public UUID coursesLapsed(Instant lapsedAt) {
        return KafkaEvents.ofTestServers().publish(new CourseOrderLapsed(enrollmentId, candidateId, bureau,
                "SH-ZK-202610", lapsedAt));
    }

    /** The enrollment's orders, newest first, once there are {@code count}. */
    public List<JsonNode> awaitOrders(int count) {
        return await(() -> {
            Answer answer = get("/api/payments/orders?enrollmentId=" + enrollmentId);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return answer.json().valueStream().toList();
        }, orders -> orders.size() >= count, "orders of " + enrollmentId);
    }

    public JsonNode awaitOrder() {
        return awaitOrders(1).getFirst();
    }

    /** The enrollment's orders now (none while its confirmation is held). */
    public List<JsonNode> orders() {
        Answer answer = get("/api/payments/orders?enrollmentId=" + enrollmentId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().valueStream().toList();
    }

    public JsonNode order(String orderId) {
        Answer answer = get("/api/payments/orders/" + orderId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    public JsonNode awaitStatus(String orderId, String status) {
        return await(() -> order(orderId), o -> o.path("status").asString().equals(status),
                "order " + orderId + " " + status);
    }

    public Answer pay(String orderId, String idempotencyKey) {
        HttpRequest.Builder request = atBureau(http.request("/api/payments/orders/" + orderId + "/pay")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    public Answer post(String path) {
        return http.send(atBureau(http.request(path).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** A GET of the candidate, at the candidate's bureau. */
    public Answer get(String path) {
        return http.send(atBureau(http.request(path).header("Authorization", "Bearer " + token).GET()));
    }

    private HttpRequest.Builder atBureau(HttpRequest.Builder request) {
        return bureau == null ? request : request.header(BureauAddress.HEADER, bureau);
    }

    public static String bankOrderNo(String orderId) {
        return orderId.replace("-", "");
    }

    /** The candidate presses 确认支付 at the sandbox bank. */
    public Answer payAtBank(String channel, String orderId) {
        return bankPost("/sandbox/bank/" + channel + "/test/orders/" + bankOrderNo(orderId) + "/pay");
    }

    public Answer latePayAtBank(String channel, String orderId) {
        return bankPost("/sandbox/bank/" + channel + "/test/orders/" + bankOrderNo(orderId) + "/late-pay");
    }

    public JsonNode bankOrder(String channel, String orderId) {
        return bank.get("/sandbox/bank/" + channel + "/api/orders/" + bankOrderNo(orderId)).json();
    }

    /** A freshly signed notification of the paid bank order, as the bank would send it. */
    public Map<String, String> signedNotification(String channel, String orderId) {
        Answer answer = bank.get("/sandbox/bank/" + channel + "/test/orders/" + bankOrderNo(orderId) + "/notification");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readValue(answer.body(), new tools.jackson.core.type.TypeReference<Map<String, String>>() {
        });
    }

    public Answer notify(String channel, Map<String, String> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return http.send(http.request("/api/payments/notify/" + channel.toLowerCase())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public void bankBehaviour(String json) {
        Answer answer = bank.send(bank.request("/sandbox/bank/api/behaviour").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    public void punctualBank() {
        bankBehaviour("{\"duplicates\":0,\"notifyDelayMs\":0,\"dropNotifications\":false}");
    }

    private Answer bankPost(String path) {
        return bank.send(bank.request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (AssertionError notYet) {
                // keep trying until the deadline
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }
}
