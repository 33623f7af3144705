package org.baokao.account.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.support.ClientCalls;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.BureauConfigured.PasswordRule;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BUR-1: account-service keeps each bureau's rules from enrollment-service's BureauConfigured (through the real
 * Kafka), a newer configuration replacing them and an older one changing nothing; a bureau it does not know is not
 * there (404 BUREAU_NOT_FOUND) on every endpoint that depends on the bureau.
 */
@ServiceTest
class BureauProjectionTest {

    private static final Instant FIRST = Instant.parse("2026-03-01T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bur1_aNewerConfigurationReplacesTheRulesAndAStaleOneIsIgnored() {
        String bureau = newBureauCode();
        configure(bureau, FIRST, "OPEN", new PasswordRule(6, 16, 1), "ZK-2026-04");
        JsonForm first = form(bureau);
        assertThat(first.gate()).isEqualTo("OPEN");
        assertThat(first.minLength()).isEqualTo(6);

        configure(bureau, FIRST.plusSeconds(3600), "ROSTER", new PasswordRule(8, 16, 4), "ZK-2026-10");
        assertThat(form(bureau)).isEqualTo(new JsonForm("ZK-2026-10", "ROSTER", 8, 4));

        UUID stale = publish(bureau, FIRST.plusSeconds(1800), "OPEN", new PasswordRule(6, 12, 1), "ZK-STALE");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from messaging.inbox where consumer = ? and event_id = ?")
                .params(Bureaus.ENROLLMENT_CONSUMER, stale).query(Long.class).single() == 1);
        assertThat(form(bureau)).as("the stale configuration was applied and changed nothing")
                .isEqualTo(new JsonForm("ZK-2026-10", "ROSTER", 8, 4));
    }

    @Test
    void bur1_aBureauThisPlatformDoesNotServeIsNotFoundOnEveryBureauEndpoint() {
        String unknown = newBureauCode();
        List<String> posts = List.of("/api/accounts/public/registrations",
                "/api/accounts/public/sms-codes/registration", "/api/accounts/public/sms-codes/login",
                "/api/accounts/public/sms-codes/password-reset", "/api/accounts/public/logins",
                "/api/accounts/public/password-resets/lookup", "/api/accounts/public/password-resets",
                "/api/accounts/public/phone-change/code");
        for (String path : posts) {
            HttpProbe.Answer answer = ClientCalls.postTo(unknown, port, path, "{}", null);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.problemCode()).as(path).isEqualTo("BUREAU_NOT_FOUND");
        }
        for (String bureau : List.of(unknown, "SD", "s1")) {
            HttpProbe.Answer form = ClientCalls.getAt(bureau, port, "/api/accounts/public/registration-form", null);
            assertThat(form.status()).as(bureau).isEqualTo(404);
            assertThat(form.problemCode()).as(bureau).isEqualTo("BUREAU_NOT_FOUND");
            assertThat(form.json().path("detail").asString()).isEqualTo("该考试院不存在，请从报名首页选择考试院");
        }
        assertThat(ClientCalls.getAt(null, port, "/api/accounts/public/registration-form", null).status())
                .as("unprefixed: the default bureau").isEqualTo(200);
    }

    private record JsonForm(String examCode, String gate, int minLength, int requiredClasses) {
    }

    private JsonForm form(String bureau) {
        var json = ClientCalls.getAt(bureau, port, "/api/accounts/public/registration-form", null).json();
        return new JsonForm(json.path("examCode").asString(), json.path("gate").asString(),
                json.path("password").path("minLength").asInt(), json.path("password").path("requiredClasses").asInt());
    }

    /** Publishes the configuration as enrollment-service does, and waits until this service holds it. */
    private void configure(String bureau, Instant at, String gate, PasswordRule password, String exam) {
        publish(bureau, at, gate, password, exam);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from bureau where code = ? and configured_at = ?")
                .params(bureau, java.sql.Timestamp.from(at)).query(Long.class).single() == 1);
    }

    private static UUID publish(String bureau, Instant at, String gate, PasswordRule password, String exam) {
        UUID eventId = UUID.randomUUID();
        KafkaEvents.ofTestServers().publish(eventId, new BureauConfigured(bureau, "测试考试院" + bureau, "测试考试院",
                exam, gate, password, false, "2026-01", "2026-01", null, "【测试考试院】", Map.of(), List.of(), at),
                at, bureau);
        return eventId;
    }

    private static String newBureauCode() {
        StringBuilder code = new StringBuilder("zz");
        for (int i = 0; i < 6; i++) {
            code.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }
}
