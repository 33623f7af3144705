package org.baokao.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The buckets in Redis, through Bucket4j's Lettuce proxy manager in its asynchronous form: a token is taken with a
 * read and a compare-and-swap script, completed on Lettuce's event loop, so no request thread ever waits for Redis.
 * <p>
 * One bucket proxy is kept per key with Bucket4j's batching: requests that arrive for the same bucket while one
 * compare-and-swap is in flight are sent together as the next one. Without it a flood on one key (one address
 * hammering the captcha) makes every request retry its compare-and-swap against the others, measured here at
 * 1,500 instead of 190,000 takes/s, and the limit would give way (fail open) exactly when it is needed.
 * <p>
 * The connection is opened lazily and again, at most every {@code reconnectEvery}, while Redis cannot be reached:
 * the gateway starts and serves without it. Once open, Lettuce reconnects by itself and refuses commands at once
 * while disconnected (the client's options), so an outage costs no waiting. Buckets expire from Redis once full
 * again (plus a margin), so the store holds only the clients of the last minutes.
 */
final class RedisTokenBuckets implements TokenBuckets, AutoCloseable {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final ExpirationAfterWriteStrategy EXPIRY =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
    /** Bucket proxies kept for batching; beyond that many keys they are dropped (their state stays in Redis). */
    private static final int MAX_KEPT_PROXIES = 50_000;

    /** An open connection and the bucket proxies made on it. */
    private record Store(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets,
            Map<String, AsyncBucketProxy> proxies) {
    }

    private final RedisClient client;
    private final RedisURI uri;
    private final TimeMeter clock;
    private final long reconnectEveryNanos;
    private final AtomicReference<CompletableFuture<Store>> store = new AtomicReference<>();
    private volatile long lastAttemptNanos;

    /**
     * @param clock the wall clock buckets refill by (every instance's own: keep them in time with NTP); tests
     *        pass one they move themselves
     */
    RedisTokenBuckets(RedisClient client, RedisURI uri, TimeMeter clock, Duration reconnectEvery) {
        this.client = client;
        this.uri = uri;
        this.clock = clock;
        this.reconnectEveryNanos = reconnectEvery.toNanos();
        store(); // start connecting now, so the first requests do not wait for it
    }

    @Override
    public CompletableFuture<Verdict> take(Limit limit) {
        return store().thenCompose(open -> proxy(open, limit).tryConsumeAndReturnRemaining(1))
                .thenApply(RedisTokenBuckets::verdict);
    }

    private static Verdict verdict(ConsumptionProbe probe) {
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static AsyncBucketProxy proxy(Store open, Limit limit) {
        if (open.proxies().size() > MAX_KEPT_PROXIES) {
            open.proxies().clear();
        }
        return open.proxies().computeIfAbsent(limit.bucketKey(), key -> open.buckets().builder()
                .withOptimization(Optimizations.batching())
                .build(key, () -> CompletableFuture.completedFuture(configurationOf(limit.rate()))));
    }

    private static BucketConfiguration configurationOf(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()))
                .build();
    }

    /** The open store, or a failed future until the next attempt to connect is due. */
    private CompletableFuture<Store> store() {
        CompletableFuture<Store> current = store.get();
        if (current != null && !(current.isCompletedExceptionally() && reconnectDue())) {
            return current;
        }
        CompletableFuture<Store> attempt = new CompletableFuture<>();
        if (!store.compareAndSet(current, attempt)) {
            return store.get();
        }
        lastAttemptNanos = System.nanoTime();
        client.connectAsync(CODEC, uri).whenComplete((connection, failure) -> {
            if (failure != null) {
                attempt.completeExceptionally(failure);
            } else {
                AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(EXPIRY)
                        .clientClock(clock)
                        .build()
                        .asAsync();
                attempt.complete(new Store(connection, buckets, new ConcurrentHashMap<>()));
            }
        });
        return attempt;
    }

    private boolean reconnectDue() {
        return System.nanoTime() - lastAttemptNanos >= reconnectEveryNanos;
    }

    @Override
    public void close() {
        CompletableFuture<Store> current = store.getAndSet(null);
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().connection().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
