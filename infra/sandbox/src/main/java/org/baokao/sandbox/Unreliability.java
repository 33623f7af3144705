package org.baokao.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How unreliable a played third party is right now: real providers are sometimes slow and sometimes down, and
 * tests and demos must show what the platform does then. Each party's behaviour component extends this and is
 * changed at runtime through its own controller.
 */
public abstract class Unreliability {

    private volatile Settings current = Settings.HEALTHY;

    public Settings current() {
        return current;
    }

    public void change(Settings settings) {
        current = settings;
    }

    /** Waits as long as the configured latency: the caller's read timeout is what this exercises. */
    public void delay() throws InterruptedException {
        long latency = current.latencyMs();
        if (latency > 0) {
            Thread.sleep(Duration.ofMillis(latency));
        }
    }

    /** Whether this call fails (the caller answers 503), drawn at the configured rate. */
    public boolean failsThisCall() {
        double rate = current.failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    /** {@code failureRate} 0..1 of calls answered 503; {@code latencyMs} added to every call. */
    public record Settings(double failureRate, long latencyMs) {

        public static final Settings HEALTHY = new Settings(0, 0);
        public static final long MAX_LATENCY_MS = 60_000;

        public boolean valid() {
            return failureRate >= 0 && failureRate <= 1 && latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS;
        }
    }
}
