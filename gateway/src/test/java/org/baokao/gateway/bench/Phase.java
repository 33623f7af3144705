package org.baokao.gateway.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.baokao.testkit.Latencies;

/**
 * What one phase of the waiting-room benchmark saw: the latency of every admitted request (a request that went
 * through to the service: it carried a pass, or its session was let in at once), the answers by status, and the
 * waiting room's own answers (queued, status polls) apart.
 */
final class Phase {

    private final String name;
    private final long[] latencies = new long[1 << 21];
    private final AtomicInteger count = new AtomicInteger();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder queued = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAdder sessions = new LongAdder();
    private final LongAdder waitedSessions = new LongAdder();
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;

    Phase(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void admitted(long nanos, int status) {
        answer("request " + status, status);
        int slot = count.getAndIncrement();
        if (slot < latencies.length) {
            latencies[slot] = nanos;
        }
    }

    void refused(String what, int status) {
        answer(what + " " + status, status);
    }

    void queued() {
        queued.increment();
    }

    void polled(int status) {
        polls.increment();
        answer("status poll " + status, status);
    }

    void failed(String what) {
        answers.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void sessionStarted(boolean waited) {
        sessions.increment();
        if (waited) {
            waitedSessions.increment();
        }
    }

    private void answer(String key, int status) {
        answers.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (status >= 500) {
            serverErrors.increment();
        }
    }

    void end() {
        endedNanos = System.nanoTime();
    }

    double seconds() {
        return ((endedNanos == 0 ? System.nanoTime() : endedNanos) - startedNanos) / 1e9;
    }

    Latencies latencies() {
        return Latencies.of(latencies, Math.min(count.get(), latencies.length));
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    long queuedAnswers() {
        return queued.sum();
    }

    long polls() {
        return polls.sum();
    }

    long sessions() {
        return sessions.sum();
    }

    long waitedSessions() {
        return waitedSessions.sum();
    }

    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((key, adder) -> sorted.put(key, adder.sum()));
        return sorted;
    }

    String summary() {
        Latencies admitted = latencies();
        return ("%s: %d admitted requests in %.0f s = %.0f/s, p50 %.1f ms, p99 %.1f ms; %d sessions (%d waited); "
                + "5xx %d; queued answers %d, status polls %d; answers %s").formatted(name, admitted.count(),
                        seconds(), admitted.count() / seconds(), admitted.percentileMillis(50),
                        admitted.percentileMillis(99), sessions(), waitedSessions(), serverErrors(), queuedAnswers(),
                        polls(), answers());
    }
}
