package org.baokao.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Captcha;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.StackTable;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 24, traces: one registration's SMS code, followed through the running stack in its trace store. The candidate's
 * request enters the gateway with a W3C traceparent naming a fresh trace; the gateway, account-service (which stores
 * the SmsRequested event in its outbox with the trace context), the outbox relay (a producer span, whose context
 * travels in the Kafka record's headers) and notification-service (the listener that sends the SMS) all report their
 * spans of that one trace to the stack's Zipkin, linked parent to child. The SMS arriving at the sandbox is the
 * journey's end.
 */
class TraceSystemTest {

    private static final HttpProbe GATEWAY = HttpProbe.at(StackTable.urlOf("gateway"));
    private static final HttpProbe SANDBOX = HttpProbe.at(StackTable.urlOf("sandbox"));
    private static final HttpProbe ZIPKIN = HttpProbe.at(StackTable.urlOf("zipkin"));
    private static final CandidateJourney JOURNEY = CandidateJourney.onLocalStack();

    @Test
    void aRegistrationCodeIsOneTraceFromTheGatewayThroughKafkaToTheSms() {
        String traceId = hex(16);
        String phone = "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        Captcha captcha = JOURNEY.captcha();
        long asked = System.currentTimeMillis();

        HttpProbe.Answer sent = GATEWAY.send(GATEWAY.request("/api/accounts/public/sms-codes/registration")
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"captchaId\":\""
                        + captcha.id() + "\",\"captcha\":\"" + captcha.answer() + "\"}")));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        HttpProbe.Answer sms = SANDBOX.send(SANDBOX.request("/sandbox/sms/api/messages/latest?phone=" + phone
                + "&sinceEpochMs=" + asked + "&waitMs=30000").timeout(Duration.ofSeconds(35)).GET());
        assertThat(sms.status()).as("the SMS reached the sandbox").isEqualTo(200);

        // spans are reported in the background, each service on its own (about once a second, later when a busy
        // service's queue is long): wait for all three services' spans
        List<String> services = List.of("gateway", "account-service", "notification-service");
        List<Span> spans = Eventually.value("spans of trace " + traceId + " from " + services + " in Zipkin",
                Duration.ofSeconds(60), () -> {
                    List<Span> found = trace(traceId);
                    return found.stream().map(Span::service).collect(Collectors.toSet()).containsAll(services)
                            && found.stream().anyMatch(span -> span.name().equals("outbox notification.requests"))
                            ? found : null;
                });

        Map<String, Span> byId = spans.stream().collect(Collectors.toMap(Span::id, Function.identity(), (a, b) -> a));
        assertThat(spans).extracting(Span::service).as("services of trace %s: %s", traceId, spans)
                .contains("gateway", "account-service", "notification-service");

        Span outbox = only(spans, span -> span.service().equals("account-service")
                && span.name().equals("outbox notification.requests"), "account-service's outbox span");
        Span stored = byId.get(outbox.parentId());
        assertThat(stored).as("the outbox span's parent, the request that stored the event: %s", spans).isNotNull();
        assertThat(stored.service()).isEqualTo("account-service");
        assertThat(ancestors(stored, byId)).as("the account-service request under the gateway's span")
                .anyMatch(span -> span.service().equals("gateway"));

        Span received = only(spans, span -> span.service().equals("notification-service")
                && outbox.id().equals(span.parentId()), "notification-service's span whose parent is the outbox span");
        assertThat(received.kind()).isEqualTo("CONSUMER");

        // and an operator finds it as Zipkin's UI does, among the recent traces through notification-service
        HttpProbe.Answer recent = ZIPKIN.get("/api/v2/traces?serviceName=notification-service&lookback=600000&limit=1000");
        assertThat(recent.status()).isEqualTo(200);
        List<String> traceIds = new ArrayList<>();
        recent.json().forEach(trace -> traceIds.add(trace.path(0).path("traceId").asString()));
        assertThat(traceIds).as("recent traces through notification-service").contains(traceId);
    }

    private static List<Span> trace(String traceId) {
        HttpProbe.Answer answer = ZIPKIN.get("/api/v2/trace/" + traceId);
        if (answer.status() != 200) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : answer.json()) {
            spans.add(new Span(span.path("id").asString(), span.path("parentId").asString(""),
                    span.path("localEndpoint").path("serviceName").asString(""), span.path("name").asString(""),
                    span.path("kind").asString("")));
        }
        return spans;
    }

    private static List<Span> ancestors(Span span, Map<String, Span> byId) {
        List<Span> up = new ArrayList<>();
        for (Span parent = byId.get(span.parentId()); parent != null && up.size() < 50; parent = byId.get(parent.parentId())) {
            up.add(parent);
        }
        return up;
    }

    private static Span only(List<Span> spans, java.util.function.Predicate<Span> which, String what) {
        Optional<Span> found = spans.stream().filter(which).findFirst();
        assertThat(found).as("%s among %s", what, spans).isPresent();
        return found.get();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A span as Zipkin's API v2 gives it (service names lower case, as the services report them). */
    private record Span(String id, String parentId, String service, String name, String kind) {
    }
}
