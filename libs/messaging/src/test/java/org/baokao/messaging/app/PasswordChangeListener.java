package org.baokao.messaging.app;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.Topics;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer written the way services write theirs: a Kafka listener that applies each event through the
 * inbox. It cannot apply a {@code POISON} event until {@link #cure()} is called.
 */
@Component
public class PasswordChangeListener {

    static final String CONSUMER = "messaging-test";

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Set<String> watchedCandidates = ConcurrentHashMap.newKeySet();
    private volatile boolean cured;

    PasswordChangeListener(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        jdbc.sql("create table if not exists listener_effect (seq bigserial, candidate uuid, reason text)").update();
    }

    public void watch(UUID candidate) {
        watchedCandidates.add(candidate.toString());
    }

    public void cure() {
        cured = true;
    }

    @KafkaListener(topics = Topics.ACCOUNT, groupId = CONSUMER)
    void on(ConsumerRecord<String, String> record) {
        // the topic is shared with other tests in this JVM; only this test's candidates matter here
        if (record.key() != null && !watchedCandidates.contains(record.key())) {
            return;
        }
        inbox.apply(CONSUMER, record, event -> {
            PasswordChanged changed = (PasswordChanged) event;
            if (changed.reason().equals("POISON") && !cured) {
                throw new IllegalStateException("cannot apply a poison event yet");
            }
            jdbc.sql("insert into listener_effect (candidate, reason) values (?, ?)")
                    .params(changed.candidateId(), changed.reason()).update();
        });
    }
}
