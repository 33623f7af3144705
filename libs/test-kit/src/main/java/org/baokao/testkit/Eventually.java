package org.baokao.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for what arrives asynchronously (an event applied, a projection updated): poll until it is there. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private Eventually() {
    }

    /** The first non-null answer of {@code probe}, asked every 100 ms for up to 30 s. */
    public static <T> T value(Supplier<T> probe) {
        return value("the expected state", probe);
    }

    /** The same, naming {@code what} was awaited when it does not come. */
    public static <T> T value(String what, Supplier<T> probe) {
        return value(what, PATIENCE, probe);
    }

    /** The same with another patience: across the whole platform some steps take longer. */
    public static <T> T value(String what, Duration patience, Supplier<T> probe) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("not seen within " + patience.toSeconds() + " s: " + what);
    }
}
