package org.baokao.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.baokao.testkit.Latencies;

/**
 * What the journeys of one run did, per level of the arrival model: how many began, how many ended complete, which
 * step the others failed at, and how long each step took (its requests and, for the waits, the polls between them).
 * Gatling's own report has the run as a whole; this is what tells one level from the next. Written from Gatling's
 * event loops, so only concurrent collections.
 */
final class JourneyLog {

    private final Map<Integer, AtomicInteger> began = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, AtomicInteger>> failedAt = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, ConcurrentLinkedQueue<Long>>> stepNanos = new ConcurrentHashMap<>();
    private final List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> beganByBureau = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completedByBureau = new ConcurrentHashMap<>();

    void began(int level, String bureau) {
        began.computeIfAbsent(level, l -> new AtomicInteger()).incrementAndGet();
        beganByBureau.computeIfAbsent(bureau, b -> new AtomicInteger()).incrementAndGet();
    }

    void stepTook(int level, String step, long nanos) {
        if (!steps.contains(step)) {
            synchronized (steps) {
                if (!steps.contains(step)) {
                    steps.add(step);
                }
            }
        }
        stepNanos.computeIfAbsent(level, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    void ended(int level, String bureau, boolean complete, String lastStep) {
        if (complete) {
            completed.computeIfAbsent(level, l -> new AtomicInteger()).incrementAndGet();
            completedByBureau.computeIfAbsent(bureau, b -> new AtomicInteger()).incrementAndGet();
        } else {
            failedAt.computeIfAbsent(level, l -> new ConcurrentHashMap<>())
                    .computeIfAbsent(lastStep, s -> new AtomicInteger()).incrementAndGet();
        }
    }

    int arrivedIn(int level) {
        return count(began, level);
    }

    int completedIn(int level) {
        return count(completed, level);
    }

    int completedInAll() {
        return completed.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int beganInAll() {
        return began.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Journeys of a bureau that began in the whole run. */
    int beganBy(String bureau) {
        AtomicInteger n = beganByBureau.get(bureau);
        return n == null ? 0 : n.get();
    }

    /** Journeys of a bureau that completed in the whole run. */
    int completedBy(String bureau) {
        AtomicInteger n = completedByBureau.get(bureau);
        return n == null ? 0 : n.get();
    }

    Map<String, AtomicInteger> failedAt(int level) {
        return failedAt.getOrDefault(level, Map.of());
    }

    /** The steps in the order journeys first finished them. */
    List<String> steps() {
        return List.copyOf(steps);
    }

    /** How many journeys finished {@code step}, whatever became of them later. */
    int passed(String step) {
        return stepNanos.values().stream().mapToInt(bySteps -> bySteps.getOrDefault(step,
                new ConcurrentLinkedQueue<>()).size()).sum();
    }

    /** Durations of a step within one level. */
    Latencies step(int level, String step) {
        List<Long> nanos = new ArrayList<>(stepNanos.getOrDefault(level, Map.of()).getOrDefault(step,
                new ConcurrentLinkedQueue<>()));
        long[] values = nanos.stream().mapToLong(Long::longValue).toArray();
        return Latencies.of(values, values.length);
    }

    private static int count(Map<Integer, AtomicInteger> counts, int level) {
        AtomicInteger n = counts.get(level);
        return n == null ? 0 : n.get();
    }
}
