package org.baokao.gateway.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The waiting room's line, read straight from Redis ({@code ZCARD} of its waiting set): sampled every second. */
final class QueueLength {

    private final ReactiveStringRedisTemplate redis;
    private final String waitingKey;
    private final List<Long> samples = new CopyOnWriteArrayList<>();
    private volatile boolean sampling;

    QueueLength(ReactiveStringRedisTemplate redis, String waitingKey) {
        this.redis = redis;
        this.waitingKey = waitingKey;
    }

    long now() {
        Long length = redis.opsForZSet().size(waitingKey).block();
        return length == null ? 0 : length;
    }

    void startSampling() {
        sampling = true;
        Thread.ofPlatform().daemon().start(() -> {
            while (sampling) {
                samples.add(now());
                WaitingRoomBenchmark.sleep(Duration.ofSeconds(1));
            }
        });
    }

    void stopSampling() {
        sampling = false;
    }

    /** How long until the line is empty, polled every 250 ms; empty if not within {@code limit}. */
    Optional<Duration> awaitEmpty(Duration limit) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (now() == 0) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            WaitingRoomBenchmark.sleep(Duration.ofMillis(250));
        }
        return Optional.empty();
    }

    List<Long> samples() {
        return List.copyOf(samples);
    }

    long max() {
        return samples.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    double mean() {
        return samples.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
