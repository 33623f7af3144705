package org.baokao.messaging;

import java.time.Duration;

import org.baokao.messaging.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code baokao.messaging.*}: relay and consumer-retry settings, with defaults that suit every service. */
@ConfigurationProperties("baokao.messaging")
public record MessagingProperties(@DefaultValue Relay relay, @DefaultValue Consumer consumer) {

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
}
