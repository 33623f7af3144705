package org.baokao.messaging.app;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A consumer written the way services write theirs: an {@link EventHandler} method the library applies through the
 * inbox.
 * It cannot apply a {@code POISON} event until {@link #cure()} is called.
 */
@Component
public class PasswordChangeListener {

    static final String CONSUMER = "messaging-test";

    private final JdbcClient jdbc;
    private final Set<UUID> watchedCandidates = ConcurrentHashMap.newKeySet();
    private volatile boolean cured;

    PasswordChangeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("create table if not exists listener_effect (seq bigserial, candidate uuid, reason text)").update();
    }

    public void watch(UUID candidate) {
        watchedCandidates.add(candidate);
    }

    public void cure() {
        cured = true;
    }

    @EventHandler(CONSUMER)
    void changed(PasswordChanged changed, EventMeta meta) {
        // the topic is shared with other tests in this JVM; only this test's candidates matter here
        if (!watchedCandidates.contains(changed.candidateId())) {
            return;
        }
        if (changed.reason().equals("POISON") && !cured) {
            throw new IllegalStateException("cannot apply a poison event yet");
        }
        jdbc.sql("insert into listener_effect (candidate, reason) values (?, ?)")
                .params(changed.candidateId(), changed.reason()).update();
    }
}
