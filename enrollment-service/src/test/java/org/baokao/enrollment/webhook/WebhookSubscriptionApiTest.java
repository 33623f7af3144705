package org.baokao.enrollment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.webhook.WebhookFixtures.DEMO;
import static org.baokao.enrollment.webhook.WebhookFixtures.ISSUER;
import static org.baokao.enrollment.webhook.WebhookFixtures.ZJ;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamConfigurations;
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
 * API-2: a partner registers, lists, rotates and deletes its webhook endpoints through the partner API, with scope
 * partner-webhooks; the address must be https (http only on loopback where allowed, as in these tests); the secret
 * is shown once and stored sealed; another partner's endpoint is absent.
 */
@ServiceTest
class WebhookSubscriptionApiTest {

    private static final String HOOKS = "/open-api/v1/webhooks";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExamConfigurations exams;

    WebhookFixtures fixtures;
    HttpProbe http;

    @BeforeEach
    void setUp() {
        http = HttpProbe.onLocalPort(port);
        fixtures = new WebhookFixtures(http, jdbc, exams);
    }

    @AfterEach
    void forget() {
        fixtures.forgetSubscriptions();
    }

    @Test
    void aPartnerRegistersAnHttpsEndpointAndSeesItsSecretOnlyOnce() {
        Answer created = fixtures.register(DEMO, "https://partner.example.cn/baokao/hooks", "payment.succeeded",
                "enrollment.completed");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        String secret = json.path("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(json.path("url").asString()).isEqualTo("https://partner.example.cn/baokao/hooks");
        assertThat(json.path("events").toString()).isEqualTo("[\"enrollment.completed\",\"payment.succeeded\"]");

        Answer listed = http.get(HOOKS, DEMO);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(json.path("id").asString());
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("\"secret\"");

        // sealed at rest: the stored bytes are not the secret
        byte[] stored = jdbc.sql("select secret from webhook_subscription where id = :id")
                .param("id", UUID.fromString(json.path("id").asString())).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6, 20));
        // the partner's own bureau, whatever it sent
        assertThat(jdbc.sql("select bureau from webhook_subscription where id = :id")
                .param("id", UUID.fromString(json.path("id").asString())).query(String.class).single())
                .isEqualTo("sd");
    }

    @Test
    void anAddressThatIsNotHttpsIsRefused() {
        for (String url : new String[] { "http://partner.example.cn/hooks", "ftp://partner.example.cn/hooks",
                "/hooks", "partner.example.cn/hooks", "https://user:pass@partner.example.cn/hooks", "",
                "http://10.0.0.8/hooks", "https://" + "a".repeat(2000) + ".cn/" }) {
            Answer refused = fixtures.register(DEMO, url, "payment.succeeded");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.problemCode()).as(url).isEqualTo("WEBHOOK_URL_INVALID");
            assertThat(refused.json().path("detail").asString()).contains("https://");
        }
        // loopback over http: these tests, like the local stack, allow it for the sandbox partner
        assertThat(fixtures.register(DEMO, "http://localhost:8090/sandbox/partner/x/webhook", "payment.succeeded")
                .status()).isEqualTo(201);
        assertThat(fixtures.register(DEMO, "http://127.0.0.1:9/hook", "payment.succeeded").status()).isEqualTo(201);
        assertThat(http.get(HOOKS, DEMO).json()).hasSize(2);
    }

    @Test
    void eventTypesMustBeKnownAndAtLeastOne() {
        Answer unknown = fixtures.register(DEMO, "https://p.example.cn/h", "payment.succeeded", "candidate.registered");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemCode()).isEqualTo("WEBHOOK_EVENT_UNKNOWN");
        assertThat(unknown.json().path("detail").asString()).contains("candidate.registered", "payment.refunded");
        Answer none = fixtures.register(DEMO, "https://p.example.cn/h");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.problemCode()).isEqualTo("WEBHOOK_EVENTS_REQUIRED");
        assertThat(http.get(HOOKS, DEMO).json()).isEmpty();
    }

    @Test
    void theScopeAndAKnownPartnerAreRequired() {
        String verifyOnly = ISSUER.partnerToken("partner-zj", "sd", 30, "partner-verify");
        Answer noScope = fixtures.register(verifyOnly, "https://p.example.cn/h", "payment.succeeded");
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.problemCode()).isEqualTo("SCOPE_MISSING");
        assertThat(http.get(HOOKS, verifyOnly).problemCode()).isEqualTo("SCOPE_MISSING");

        String stranger = ISSUER.partnerToken("partner-unknown", "sd", 30, "partner-webhooks");
        assertThat(fixtures.register(stranger, "https://p.example.cn/h", "payment.succeeded").problemCode())
                .isEqualTo("PARTNER_UNKNOWN");
        String operator = ISSUER.operatorToken("admin-sd", "sd", java.util.Map.of(), "bureau-admin");
        assertThat(fixtures.register(operator, "https://p.example.cn/h", "payment.succeeded").status())
                .isEqualTo(403);
        assertThat(http.get(HOOKS).status()).isEqualTo(401);
    }

    @Test
    void aPartnerDeletesItsOwnEndpointAndNotAnothersOne() {
        UUID mine = fixtures.registered(DEMO, "https://demo.example.cn/h").id();
        UUID theirs = fixtures.registered(ZJ, "https://zj.example.cn/h").id();

        assertThat(http.get(HOOKS, DEMO).json()).hasSize(1);
        Answer notMine = fixtures.delete(HOOKS + "/" + theirs, DEMO);
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.problemCode()).isEqualTo("WEBHOOK_NOT_FOUND");
        assertThat(fixtures.post(HOOKS + "/" + theirs + "/secret", DEMO, null).status()).isEqualTo(404);

        assertThat(fixtures.delete(HOOKS + "/" + mine, DEMO).status()).isEqualTo(204);
        assertThat(http.get(HOOKS, DEMO).json()).isEmpty();
        assertThat(fixtures.delete(HOOKS + "/" + mine, DEMO).status()).isEqualTo(404);
        assertThat(http.get(HOOKS, ZJ).json()).hasSize(1);
    }

    @Test
    void rotatingGivesANewSecretAndKeepsTheOldOneSigningForTheOverlap() {
        WebhookFixtures.Registered made = fixtures.registered(DEMO, "https://demo.example.cn/h");

        Answer rotated = fixtures.post(HOOKS + "/" + made.id() + "/secret", DEMO, null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String next = rotated.json().path("secret").asString();
        assertThat(next).startsWith("whsec_").isNotEqualTo(made.secret());
        // the default overlap: 24 hours from now
        Instant until = Instant.parse(rotated.json().path("previousSecretExpiresAt").asString());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23).plusMinutes(59),
                Duration.ofHours(24));
        JsonNode listed = http.get(HOOKS, DEMO).json().get(0);
        assertThat(listed.path("previousSecretExpiresAt").asString()).isEqualTo(until.toString());
        assertThat(listed.path("rotatedAt").isNull()).isFalse();
    }

    @Test
    void aPartnerHasAtMostTenEndpoints() {
        for (int i = 0; i < 10; i++) {
            assertThat(fixtures.register(DEMO, "https://demo.example.cn/h" + i, "payment.succeeded").status())
                    .isEqualTo(201);
        }
        Answer eleventh = fixtures.register(DEMO, "https://demo.example.cn/h10", "payment.succeeded");
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.problemCode()).isEqualTo("WEBHOOK_LIMIT_REACHED");
        assertThat(fixtures.register(ZJ, "https://zj.example.cn/h", "payment.succeeded").status()).isEqualTo(201);
    }
}
