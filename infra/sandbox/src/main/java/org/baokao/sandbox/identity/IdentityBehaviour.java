package org.baokao.sandbox.identity;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/**
 * How the sandbox identity provider behaves right now: the public-security comparison service is sometimes slow
 * and sometimes down, and tests and demos must show that candidates then stay 核验中 and their checks finish by
 * themselves once it is back (PHO-4). Changed at runtime through {@link IdentityBehaviourController}.
 */
@Component
class IdentityBehaviour {

    private volatile Settings current = Settings.HEALTHY;

    Settings current() {
        return current;
    }

    void change(Settings settings) {
        current = settings;
    }

    void delay() throws InterruptedException {
        long latency = current.latencyMs();
        if (latency > 0) {
            Thread.sleep(Duration.ofMillis(latency));
        }
    }

    boolean failsThisCall() {
        double rate = current.failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** {@code failureRate} 0..1 of comparisons answered 503; {@code latencyMs} added to every comparison. */
    record Settings(double failureRate, long latencyMs) {

        static final Settings HEALTHY = new Settings(0, 0);
        static final long MAX_LATENCY_MS = 60_000;

        boolean valid() {
            return failureRate >= 0 && failureRate <= 1 && latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS;
        }
    }
}
