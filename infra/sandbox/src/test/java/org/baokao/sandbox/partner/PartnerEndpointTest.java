package org.baokao.sandbox.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.baokao.sandbox.SandboxHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-2: the sandbox plays a partner's webhook endpoint. It checks each delivery's signature with the secret it was
 * given (and says so in what it received), answers 500 the number of times asked, answers after the timeout when
 * slow, and closes the connection without an answer when down; an unknown partner is 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { SandboxHttp.SMALL_SMS_CAPACITY, SandboxHttp.SMALL_CAPTCHA_CAPACITY })
class PartnerEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec_sandbox-test-secret";

    @LocalServerPort
    int port;

    private SandboxHttp http;
    private String name;

    @BeforeEach
    void partner() {
        http = new SandboxHttp(port);
        name = "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDeliverySignedWithTheSecretIsValidAndOneSignedOtherwiseIsNot() {
        configure("{\"secret\": \"" + SECRET + "\", \"mode\": \"ok\"}");

        HttpResponse<String> good = deliver(signed(SECRET, "{\"id\":\"e1\"}", Instant.now()), "{\"id\":\"e1\"}", "e1");
        HttpResponse<String> wrongSecret = deliver(signed("whsec_other", "{\"id\":\"e2\"}", Instant.now()),
                "{\"id\":\"e2\"}", "e2");
        HttpResponse<String> changedBody = deliver(signed(SECRET, "{\"id\":\"e3\"}", Instant.now()),
                "{\"id\":\"e3\",\"x\":1}", "e3");
        HttpResponse<String> stale = deliver(signed(SECRET, "{\"id\":\"e4\"}", Instant.now().minusSeconds(301)),
                "{\"id\":\"e4\"}", "e4");
        String rotating = signed("whsec_new", "{\"id\":\"e5\"}", Instant.now()) + ",v1="
                + hmac(SECRET, Instant.now().getEpochSecond(), "{\"id\":\"e5\"}");
        deliver(rotating, "{\"id\":\"e5\"}", "e5");

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(wrongSecret.statusCode()).as("an endpoint answers, whatever it thinks of the signature")
                .isEqualTo(200);
        JsonNode received = JSON.readTree(http.get("/sandbox/partner/" + name + "/received").body());
        assertThat(received).hasSize(5);
        assertThat(valid(received, "e1")).isTrue();
        assertThat(valid(received, "e2")).isFalse();
        assertThat(valid(received, "e3")).isFalse();
        assertThat(valid(received, "e4")).isFalse();
        assertThat(valid(received, "e5")).as("either signature of a rotation").isTrue();
        assertThat(find(received, "e5").path("signatures").asInt()).isEqualTo(2);
        assertThat(find(received, "e1").path("body").asString()).isEqualTo("{\"id\":\"e1\"}");
        assertThat(received.get(0).path("eventId").asString()).as("newest first").isEqualTo("e5");
        assertThat(http.get("/sandbox/partner/" + name).body()).doesNotContain(SECRET).contains("\"secretSet\":true");
    }

    @Test
    void aFailingEndpointAnswers500TheNumberOfTimesAskedThenAccepts() {
        configure("{\"secret\": \"" + SECRET + "\", \"mode\": \"failing\", \"failTimes\": 2}");

        assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "f1").statusCode()).isEqualTo(500);
        assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "f1").statusCode()).isEqualTo(500);
        assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "f1").statusCode()).isEqualTo(200);

        JsonNode received = JSON.readTree(http.get("/sandbox/partner/" + name + "/received").body());
        assertThat(received).extracting(r -> r.path("answeredStatus").asInt()).containsExactly(200, 500, 500);
        configure("{\"mode\": \"failing\"}");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "f2").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aSlowEndpointAnswersAfterTheDelay() {
        configure("{\"secret\": \"" + SECRET + "\", \"mode\": \"slow\", \"delayMs\": 1500}");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> client.send(request(signed(SECRET, "{}", Instant.now()), "{}", "s1")
                .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        long started = System.nanoTime();
        assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "s2").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aDownEndpointClosesTheConnectionWithoutAnAnswerUntilItIsUpAgain() {
        configure("{\"secret\": \"" + SECRET + "\", \"mode\": \"down\"}");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        assertThatThrownBy(() -> client.send(request(signed(SECRET, "{}", Instant.now()), "{}", "d1").build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        // the sandbox itself is up, and nothing was received
        assertThat(http.get("/sandbox/partner/" + name).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(http.get("/sandbox/partner/" + name + "/received").body())).isEmpty();

        configure("{\"mode\": \"ok\"}");
        assertThat(deliver(signed(SECRET, "{}", Instant.now()), "{}", "d2").statusCode()).isEqualTo(200);
        JsonNode received = JSON.readTree(http.get("/sandbox/partner/" + name + "/received").body());
        assertThat(received).hasSize(1);
        assertThat(valid(received, "d2")).as("the secret kept across the change").isTrue();
    }

    @Test
    void anUnknownPartnerOrABadSettingIsRefused() {
        assertThat(deliver("t=1,v1=00", "{}", "u1").statusCode()).isEqualTo(404);
        assertThat(http.get("/sandbox/partner/" + name + "/received").body()).contains("PARTNER_NOT_CONFIGURED");
        assertThat(put("{\"mode\": \"sideways\"}").statusCode()).isEqualTo(400);
        assertThat(put("{\"mode\": \"slow\", \"delayMs\": 60001}").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/partner/Bad_Name"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode()).isEqualTo(400);
    }

    private void configure(String json) {
        HttpResponse<String> answer = put(json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> put(String json) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/partner/" + name))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> deliver(String signature, String body, String eventId) {
        return http.send(request(signature, body, eventId));
    }

    private HttpRequest.Builder request(String signature, String body, String eventId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/partner/" + name + "/webhook"))
                .header("Content-Type", "application/json").header("Baokao-Signature", signature)
                .header("Baokao-Event-Id", eventId).header("Baokao-Delivery-Id", UUID.randomUUID().toString())
                .header("Baokao-Event-Type", "payment.succeeded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private static String signed(String secret, String body, Instant at) {
        return "t=" + at.getEpochSecond() + ",v1=" + hmac(secret, at.getEpochSecond(), body);
    }

    private static String hmac(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode find(JsonNode received, String eventId) {
        for (JsonNode item : received) {
            if (item.path("eventId").asString().equals(eventId)) {
                return item;
            }
        }
        throw new AssertionError("not received: " + eventId);
    }

    private static boolean valid(JsonNode received, String eventId) {
        return find(received, eventId).path("signatureValid").asBoolean();
    }
}
