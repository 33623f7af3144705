package org.baokao.messaging;

import java.time.Duration;

import org.baokao.messaging.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.messaging.*}: relay, consumer-retry and topic settings, with defaults that suit every service (and
 * the one-broker local stack).
 */
@ConfigurationProperties("baokao.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Consumer consumer,
        @DefaultValue Topics topics) {

    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollInterval, @DefaultValue("7d") Duration retention,
            @DefaultValue("5m") Duration cleanupEvery, @DefaultValue("10s") Duration maxBackoff) {

        public OutboxSettings settings() {
            return new OutboxSettings(batchSize, pollInterval, retention, cleanupEvery, maxBackoff);
        }
    }

    /** Retries of a failing event before it is dead-lettered: attempts after the first, exponential backoff. */
    public record Consumer(@DefaultValue("3") int retries, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2") double multiplier, @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("30d") Duration inboxRetention) {
    }

    /**
     * What the cluster decides for every topic the service creates (issue 23 §4; the topics themselves:
     * libs/events {@code Topics.all()}): copies of each partition, and how many of them must have a record before
     * an {@code acks=all} send succeeds. 1 and 1 on the local stack's single broker; 3 and 2 on a real cluster.
     */
    public record Topics(@DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {

        public Topics {
            if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException("baokao.messaging.topics: need 1 <= min-insync-replicas ("
                        + minInsyncReplicas + ") <= replication-factor (" + replicationFactor + ")");
            }
        }
    }
}
