package org.baokao.enrollment.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.baokao.testkit.Latencies;

/**
 * Savers saving back to back, each on its own thread and each waiting for its answer before the next save; only
 * saves that start after the warm-up and end inside the measured window count, a failure by its reason.
 */
record SteadyLoad(Latencies latencies, Map<String, LongAdder> failures, Duration measured) {

    /** One client saving again and again. */
    interface Saver {

        /** One save; null when it was saved, else why not (e.g. a problem code and the status). */
        String saveNext();
    }

    static SteadyLoad of(List<? extends Saver> savers, Duration warmUp, Duration measure)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<long[]> perSaver = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (Saver saver : savers) {
            threads.add(Thread.ofPlatform().start(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (System.nanoTime() < measureUntil) {
                    long began = System.nanoTime();
                    String failure = saver.saveNext();
                    long ended = System.nanoTime();
                    if (began < measureFrom || ended > measureUntil) {
                        continue;
                    }
                    if (failure != null) {
                        failures.computeIfAbsent(failure, k -> new LongAdder()).increment();
                    } else if (count < latencies.length) {
                        latencies[count++] = ended - began;
                    }
                }
                perSaver.add(Arrays.copyOf(latencies, count));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = perSaver.stream().flatMapToLong(Arrays::stream).toArray();
        return new SteadyLoad(Latencies.of(all, all.length), failures, measure);
    }

    double perSecond() {
        return latencies.count() / (double) measured.toSeconds();
    }

    long failed() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
