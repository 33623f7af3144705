package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.baokao.events.Topics;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.app.MessagingTestApplication;
import org.baokao.messaging.app.PasswordChangeListener;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The library wired by its auto-configuration into a service: outbox → relay → Kafka → listener → inbox,
 * with a poison event retried, dead-lettered, listed for operators and replayed while the partition flows.
 */
@ServiceTest
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.group-id=messaging-test",
                "baokao.messaging.consumer.initial-backoff=50ms", "baokao.messaging.relay.poll-interval=100ms" })
// closes the context afterwards: its running relay would otherwise take outbox shards from later tests
@DirtiesContext
class DeadLetterFlowTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PasswordChangeListener listener;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.apache.kafka.clients.producer.Producer<String, String> producer;
    @LocalServerPort
    int port;

    @Test
    void aPoisonEventIsDeadLetteredAfterRetriesWhileThePartitionFlowsAndIsReplayedOnceFixed() throws Exception {
        UUID candidate = UUID.randomUUID();
        listener.watch(candidate);
        commit(candidate, "before");
        commit(candidate, "POISON");
        commit(candidate, "after");

        await("the events around the poison applied", () -> reasons(candidate).equals(List.of("before", "after")));
        DeadLetter dead = awaitDeadLetter(candidate);
        assertThat(dead.eventType()).isEqualTo("PasswordChanged");
        assertThat(dead.error()).contains("cannot apply a poison event yet");
        assertThat(dead.topic()).isEqualTo(Topics.ACCOUNT);
        assertThat(dltKeys()).contains(candidate.toString());
        // issue 24, meters: the open dead letters' gauge follows the table (read at most every 5 s)
        await("the open dead letters' gauge counts it", () -> openDeadLettersGauge() >= 1
                && openDeadLettersGauge() == deadLetters.open(1000).size());

        HttpProbe http = HttpProbe.onLocalPort(port);
        // OPS-3 失败消息: a bureau's administrator (here the automation account, every bureau) lists and replays
        String operator = TestServers.issuer().token("op-1", "operator", "bureau-admin");
        var listed = http.get("/operations/dead-letters", operator);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(dead.id().toString());
        var shown = listed.json().path("items").valueStream()
                .filter(item -> item.path("id").asString().equals(dead.id().toString())).findFirst().orElseThrow();
        assertThat(shown.path("eventType").asString()).isEqualTo("PasswordChanged");
        assertThat(shown.path("error").asString()).contains("cannot apply a poison event yet");
        // the payload (a phone or a code in other services' events) and the record key stay out of the desk
        assertThat(listed.body()).doesNotContain("POISON").doesNotContain("\"key\"").doesNotContain("payload");
        assertThat(http.get("/operations/dead-letters", TestServers.issuer().token("c-1", "candidate")).status())
                .isEqualTo(403);
        // OPS-3: auditors read; other operators' desks do not include it
        String auditor = TestServers.issuer().operatorToken("auditor-1", "sd", Map.of(), "auditor");
        assertThat(http.get("/operations/dead-letters", auditor).body()).contains(dead.id().toString());
        var cityOperator = http.get("/operations/dead-letters",
                TestServers.issuer().operatorToken("city-1", "sd", Map.of("city", "3701"), "city-operator"));
        assertThat(cityOperator.status()).isEqualTo(403);
        assertThat(cityOperator.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        var byAuditor = http.send(http.request("/operations/dead-letters/" + dead.id() + "/replay")
                .header("Authorization", "Bearer " + auditor).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(deadLetters.find(dead.id()).orElseThrow().replayedAt()).isNull();
        assertThat(replayAudits(dead.id())).isZero();

        listener.cure();
        var replayed = http.send(http.request("/operations/dead-letters/" + dead.id() + "/replay")
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("replayedAt").isNull()).isFalse();
        assertThat(replayAudits(dead.id())).isEqualTo(1);
        await("the replayed event applied", () -> reasons(candidate).equals(List.of("before", "after", "POISON")));
        await("the open dead letters' gauge no longer counts it",
                () -> openDeadLettersGauge() == deadLetters.open(1000).size());

        var again = http.send(http.request("/operations/dead-letters/" + dead.id() + "/replay")
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("DEAD_LETTER_ALREADY_REPLAYED");
        assertThat(replayAudits(dead.id())).as("a refused second replay leaves no audit row").isEqualTo(1);
        Thread.sleep(1_000);
        assertThat(reasons(candidate)).hasSize(3);
        assertThat(meters.find("baokao.inbox.deadlettered").counter().count()).isPositive();
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredWithoutRetrying() throws Exception {
        UUID candidate = UUID.randomUUID();
        listener.watch(candidate);
        producer.send(new ProducerRecord<>(Topics.ACCOUNT, candidate.toString(), "{not an event")).get();
        commit(candidate, "after-garbage");

        await("the next event applied", () -> reasons(candidate).equals(List.of("after-garbage")));
        DeadLetter dead = awaitDeadLetter(candidate);
        assertThat(dead.eventId()).isNull();
        assertThat(dead.error()).contains("MalformedEventException");
    }

    /** Issue 24, meters: the listeners' Kafka consumers are bound to Micrometer: their lag is exported. */
    @Test
    void theListenersReportTheirConsumerLag() {
        await("the consumer's fetch metrics", () -> !meters.find("kafka.consumer.fetch.manager.records.lag.max")
                .gauges().isEmpty());
    }

    @Test
    void theOutboxReportsItsBacklog() {
        assertThat(meters.find("baokao.outbox.backlog").gauge()).isNotNull();
        assertThat(meters.find("baokao.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    private double openDeadLettersGauge() {
        return meters.get("baokao.dead.letters.open").gauge().value();
    }

    private void commit(UUID candidate, String reason) {
        transactions.executeWithoutResult(s -> outbox.publish(new PasswordChanged(candidate, reason, Instant.now())));
    }

    /** OPS-3: the OperatorActed events of replays of this dead letter, written through the outbox. */
    private long replayAudits(UUID deadLetter) {
        return jdbc.sql("""
                select count(*) from messaging.outbox where topic = 'operator.actions'
                and envelope::jsonb -> 'payload' ->> 'action' = 'dead-letter.replay'
                and envelope::jsonb -> 'payload' ->> 'subjectId' = ?""")
                .param(deadLetter.toString()).query(Long.class).single();
    }

    private List<String> reasons(UUID candidate) {
        return jdbc.sql("select reason from listener_effect where candidate = ? order by seq").param(candidate)
                .query(String.class).list();
    }

    private DeadLetter awaitDeadLetter(UUID candidate) {
        await("a dead letter for " + candidate, () -> deadLetters.open(1000).stream()
                .anyMatch(d -> candidate.toString().equals(d.key())));
        return deadLetters.open(1000).stream().filter(d -> candidate.toString().equals(d.key())).findFirst()
                .orElseThrow();
    }

    private List<String> dltKeys() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.ACCOUNT)));
            List<String> keys = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> keys.add(r.key()));
                if (!keys.isEmpty() && records.isEmpty()) {
                    break;
                }
            }
            return keys;
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
