package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OPS-3 失败消息 at notification-service, whose events name their bureau: a dead SMS request of Shanghai is Shanghai's
 * administrators' to see and replay; Shandong's find nothing (404), and the list never shows the phone or the code.
 */
@NotificationServiceTest
class DeadLetterDeskApiTest {

    private static final String DEAD_LETTERS = "/api/notifications/operations/dead-letters";
    /** A topic nothing consumes: the replay is published there and goes no further (no SMS leaves this test). */
    private static final String TOPIC = "operations-desk-test.requests";

    @LocalServerPort
    int port;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    JdbcClient jdbc;

    private final String adminSd = TestServers.issuer().operatorToken("admin-sd", "sd", Map.of(), "bureau-admin");
    private final String adminSh = TestServers.issuer().operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");

    @Test
    void aDeadLetterNamingABureauIsOnlyThatBureausAndItsReplayIsAudited() {
        String phone = "137" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        DeadLetter dead = park(new SmsRequested(UUID.randomUUID(), null, phone, "VERIFICATION_CODE",
                Map.of("code", "246810", "minutes", "5"), Instant.now(), "sh"));

        Answer atSh = get(DEAD_LETTERS + "?status=all&size=100", adminSh, "sh");
        assertThat(atSh.status()).isEqualTo(200);
        assertThat(atSh.body()).contains(dead.id().toString()).doesNotContain(phone).doesNotContain("246810");
        var shown = atSh.json().path("items").valueStream()
                .filter(item -> item.path("id").asString().equals(dead.id().toString())).findFirst().orElseThrow();
        assertThat(shown.path("bureau").asString()).isEqualTo("sh");
        assertThat(shown.path("service").asString()).isEqualTo("notification-service");
        assertThat(shown.path("eventType").asString()).isEqualTo("SmsRequested");
        assertThat(shown.path("error").asString()).contains("短信网关暂不可用");

        assertThat(get(DEAD_LETTERS + "?status=all&size=100", adminSd, "sd").body())
                .doesNotContain(dead.id().toString());
        Answer bySd = replay(dead, adminSd, "sd");
        assertThat(bySd.status()).isEqualTo(404);
        assertThat(bySd.problemCode()).isEqualTo("DEAD_LETTER_NOT_FOUND");
        assertThat(replay(dead, adminSh, "sd").status()).as("sh's token at sd's address").isEqualTo(404);
        assertThat(deadLetters.find(dead.id()).orElseThrow().replayedAt()).isNull();
        assertThat(audits(dead)).isZero();

        Answer bySh = replay(dead, adminSh, "sh");
        assertThat(bySh.status()).isEqualTo(200);
        assertThat(bySh.json().path("replayedAt").asString()).isNotBlank();
        assertThat(audits(dead)).isEqualTo(1);
        assertThat(get(DEAD_LETTERS, adminSh, "sh").body()).as("the open list no longer has it")
                .doesNotContain(dead.id().toString());
        assertThat(get(DEAD_LETTERS + "?status=replayed&size=100", adminSh, "sh").body())
                .contains(dead.id().toString());
        assertThat(get(DEAD_LETTERS + "?status=sideways", adminSh, "sh").problemCode())
                .isEqualTo("DEAD_LETTER_STATUS_INVALID");
    }

    private DeadLetter park(SmsRequested request) {
        String payload = EventCodec.write(EventCodec.envelope(request, UUID.randomUUID(), Instant.now()));
        long offset = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        deadLetters.park("operations-desk-test", new ConsumerRecord<>(TOPIC, 0, offset, "key", payload),
                new SmsProviderUnavailableException("PROVIDER_UNAVAILABLE", "短信网关暂不可用：HTTP 503"));
        return deadLetters.newest(true, false, 1000).stream().filter(letter -> letter.topic().equals(TOPIC)
                && letter.offset() == offset).findFirst().orElseThrow();
    }

    private long audits(DeadLetter dead) {
        return jdbc.sql("""
                select count(*) from messaging.outbox where topic = 'operator.actions'
                and envelope::jsonb -> 'payload' ->> 'action' = 'dead-letter.replay'
                and envelope::jsonb -> 'payload' ->> 'subjectId' = ?
                and envelope::jsonb -> 'payload' ->> 'bureau' = 'sh'""")
                .param(dead.id().toString()).query(Long.class).single();
    }

    private Answer get(String path, String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Baokao-Bureau", bureau).GET());
    }

    private Answer replay(DeadLetter dead, String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(DEAD_LETTERS + "/" + dead.id() + "/replay")
                .header("Authorization", "Bearer " + token).header("Baokao-Bureau", bureau)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
