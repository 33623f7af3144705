package org.baokao.sandbox.sms;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * How the sandbox gateway behaves right now: a real gateway is sometimes slow and sometimes down, and tests and
 * demos need to show what the platform does then. Changed at runtime through {@link SmsBehaviourController}.
 */
@Component
class SmsGatewayBehaviour {

    private volatile Settings current = Settings.HEALTHY;

    Settings current() {
        return current;
    }

    void change(Settings settings) {
        current = settings;
    }

    /** Waits as long as the configured latency: the caller's read timeout is what this exercises. */
    void delay() throws InterruptedException {
        long latency = current.latencyMs();
        if (latency > 0) {
            Thread.sleep(Duration.ofMillis(latency));
        }
    }

    boolean failsThisSend() {
        double rate = current.failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** {@code failureRate} 0..1 of sends answered 503; {@code latencyMs} added to every send. */
    record Settings(double failureRate, long latencyMs) {

        static final Settings HEALTHY = new Settings(0, 0);
        static final long MAX_LATENCY_MS = 60_000;

        boolean valid() {
            return failureRate >= 0 && failureRate <= 1 && latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS;
        }
    }
}
