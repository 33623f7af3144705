package org.baokao.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Many people through one step at once, as on registration day: a fixed number of concurrent workers take them
 * in turn. Each success is timed; each failure is counted by its problem code and status (or exception type), so
 * a benchmark reports what went wrong instead of dying on the first refusal.
 */
public final class Crowd {

    private Crowd() {
    }

    /** Every one of {@code people} through {@code step}, {@code workers} at a time. */
    public static <T> Outcome<T> each(List<T> people, int workers, Consumer<T> step) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(people);
        long[] latencies = new long[people.size()];
        AtomicInteger succeeded = new AtomicInteger();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<T> ok = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                pool.execute(() -> {
                    T person;
                    while ((person = queue.poll()) != null) {
                        long began = System.nanoTime();
                        try {
                            step.accept(person);
                            latencies[succeeded.getAndIncrement()] = System.nanoTime() - began;
                            ok.add(person);
                        } catch (RuntimeException e) {
                            failures.computeIfAbsent(reason(e), k -> new LongAdder()).increment();
                        }
                    }
                });
            }
        }
        return new Outcome<>(System.nanoTime() - start, Latencies.of(latencies, succeeded.get()), failures,
                Set.copyOf(ok));
    }

    /** A failure's name in a report: the problem code and status of a refused step, else the exception type. */
    public static String reason(RuntimeException e) {
        return e instanceof CandidateJourney.StepFailed refused ? refused.code() + "/" + refused.status()
                : e.getClass().getSimpleName();
    }

    /** What a crowd's passage took and who got through. */
    public record Outcome<T>(long elapsedNanos, Latencies latencies, Map<String, LongAdder> failures, Set<T> ok) {

        public int succeeded() {
            return latencies.count();
        }

        public double seconds() {
            return elapsedNanos / 1e9;
        }

        public double perSecond() {
            return succeeded() / seconds();
        }

        public long failed() {
            return failures.values().stream().mapToLong(LongAdder::sum).sum();
        }

        /** One line: how many, how fast, p50 and p99, and the failures by reason. */
        public String summary() {
            return "%d in %.1f s = %.1f/s, p50 %.0f ms, p99 %.0f ms, failed %d %s".formatted(succeeded(), seconds(),
                    perSecond(), latencies.percentileMillis(50), latencies.percentileMillis(99), failed(), failures);
        }
    }
}
