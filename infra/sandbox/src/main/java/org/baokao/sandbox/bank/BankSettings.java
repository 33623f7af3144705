package org.baokao.sandbox.bank;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sandbox.bank.*}: when a notification that was not acknowledged is sent again (the first delay is the
 * wait before the first attempt), and the base URL the payment page's links use.
 */
@ConfigurationProperties("sandbox.bank")
record BankSettings(List<Duration> notifyRetryDelays) {

    BankSettings {
        if (notifyRetryDelays == null || notifyRetryDelays.isEmpty()) {
            notifyRetryDelays = List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30));
        }
    }
}
