package org.baokao.sandbox.bank;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sandbox.bank.*}: when a notification that was not acknowledged is sent again (the first delay is the
 * wait before the first attempt), and {@code public-url}, the sandbox's address as the candidate's browser reaches
 * it (blank: the address the merchant called, right when both run on one machine).
 */
@ConfigurationProperties("sandbox.bank")
record BankSettings(List<Duration> notifyRetryDelays, String publicUrl) {

    BankSettings {
        if (notifyRetryDelays == null || notifyRetryDelays.isEmpty()) {
            notifyRetryDelays = List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30));
        }
        publicUrl = publicUrl == null ? "" : publicUrl.strip();
    }
}
