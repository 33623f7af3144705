package org.baokao.notification.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for something the service does asynchronously (relay, listener, retries). */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Gives the service time to do something it must not do (send twice, retry a rejection). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
