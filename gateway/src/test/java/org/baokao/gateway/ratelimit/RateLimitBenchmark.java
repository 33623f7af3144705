package org.baokao.gateway.ratelimit;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.StandaloneGateway;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.Latencies;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestRedis;
import org.baokao.testkit.TestServers;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

/**
 * What a rate limit costs a request (GW-1). Prints, in one run on this machine, against a real Redis of its own:
 * <ul>
 * <li>the store alone: one token taken ({@link RedisTokenBuckets}: Bucket4j's read and compare-and-swap script), p50
 * and p99 one after the other, and takes/s with 64 in flight, on many keys (many clients) and on one key (one client
 * flooding, where Bucket4j's batching carries it);</li>
 * <li>the whole gateway: two instances started side by side in front of the same backend, one with the limits on and
 * one with them off ({@code baokao.gateway.rate-limits.enabled=false}), one client and then {@code bench.users}
 * clients, each posing as its own address and sending a cheap public GET to the two instances in turn, so that
 * whatever else the machine does, both see it. The difference of the p50s is the limiter's cost per request. Run
 * one after the other, the instances differed by 15-20 % with both limits off (the first one started was the slower
 * one), which drowned the difference sought; the instance started first changes every round here.</li>
 * </ul>
 * Run: {@code ./baokao bench rate-limit}. Options: {@code -Dbench.users=16 -Dbench.seconds=10 -Dbench.rounds=3},
 * {@code -Dbench.store=false} (the gateway part only), {@code -Dbench.control=true} (both instances without limits:
 * the difference the method reads when there is none).
 */
public final class RateLimitBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 16);
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String PATH = "/api/enrollments/public/exams";

    public static void main(String[] args) throws Exception {
        TestRedis redis = TestServers.redis();
        System.out.printf("== Rate-limit benchmark: %d cores, Redis %s%n", Runtime.getRuntime().availableProcessors(),
                redis.url());
        if (Boolean.parseBoolean(System.getProperty("bench.store", "true"))) {
            store(redis);
        }
        gateway(redis);
        System.exit(0);
    }

    private static void store(TestRedis redis) throws Exception {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().build());
        try (RedisTokenBuckets buckets = new RedisTokenBuckets(client,
                RedisURI.create(redis.host(), redis.port()), TimeMeter.SYSTEM_MILLISECONDS, Duration.ofSeconds(1))) {
            Rate plenty = Rate.perMinute(1_000_000_000L);
            for (int i = 0; i < 20_000; i++) { // warm up: JIT, script cache
                buckets.take(new Limit(LimitClass.ADDRESS, "warm-" + (i % 500), plenty)).get();
            }
            long[] nanos = new long[5_000];
            for (int i = 0; i < nanos.length; i++) {
                long began = System.nanoTime();
                buckets.take(new Limit(LimitClass.ADDRESS, "198.18.0." + (i % 1000), plenty)).get();
                nanos[i] = System.nanoTime() - began;
            }
            Latencies one = Latencies.of(nanos, nanos.length);
            System.out.printf("store, one take after another:  p50 %.3f ms   p99 %.3f ms%n", one.percentileMillis(50),
                    one.percentileMillis(99));
            System.out.printf("store, 64 in flight, many keys: %,.0f takes/s%n",
                    takesPerSecond(buckets, i -> new Limit(LimitClass.ADDRESS, "198.18." + (i % 4000), plenty)));
            Limit hot = new Limit(LimitClass.CAPTCHA, "203.0.113.7", plenty);
            System.out.printf("store, 64 in flight, one key:   %,.0f takes/s%n", takesPerSecond(buckets, i -> hot));
        }
    }

    private static double takesPerSecond(RedisTokenBuckets buckets, java.util.function.IntFunction<Limit> limits)
            throws InterruptedException {
        int total = 50_000;
        Semaphore inFlight = new Semaphore(64);
        long began = System.nanoTime();
        for (int i = 0; i < total; i++) {
            inFlight.acquire();
            buckets.take(limits.apply(i)).whenComplete((verdict, failure) -> inFlight.release());
        }
        inFlight.acquire(64);
        return total / ((System.nanoTime() - began) / 1e9);
    }

    private static void gateway(TestRedis redis) throws Exception {
        FakeService backend = FakeService.start("enrollment");
        TestIssuer issuer = TestIssuer.start();
        Map<String, Object> limitsOn = Map.of(
                // generous: the benchmark measures taking a token, not being refused
                "baokao.gateway.rate-limits.address.requests", 1_000_000_000L,
                "logging.level.root", "WARN");
        Map<String, Object> off = with(limitsOn, "baokao.gateway.rate-limits.enabled", false);
        // bench.control: both instances without limits, to see what the method itself reads as a difference
        Map<String, Object> on = Boolean.getBoolean("bench.control") ? off : limitsOn;
        List<double[]> sequential = new ArrayList<>();
        List<double[]> loaded = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // both instances at once, each client's requests alternating between them: whatever the machine
                // does meanwhile, both see it; the one started first changes every round
                boolean onFirst = round % 2 == 0;
                try (StandaloneGateway first = StandaloneGateway.start(backend, issuer, redis.url(), onFirst ? on : off);
                        StandaloneGateway second = StandaloneGateway.start(backend, issuer, redis.url(),
                                onFirst ? off : on)) {
                    StandaloneGateway limited = onFirst ? first : second;
                    StandaloneGateway unlimited = onFirst ? second : first;
                    run(limited, unlimited, USERS, Duration.ofSeconds(5)); // warm up
                    sequential.add(run(limited, unlimited, 1, ROUND.dividedBy(2)));
                    loaded.add(run(limited, unlimited, USERS, ROUND));
                }
            }
        } finally {
            backend.stop();
            issuer.close();
        }
        double[] one = medians(sequential);
        double[] many = medians(loaded);
        System.out.printf("gateway, one client:  p50 %.3f ms with limits, %.3f ms without: +%.3f ms%n", one[0], one[1],
                one[0] - one[1]);
        System.out.printf("gateway, %d clients: p50 %.3f ms with limits, %.3f ms without: +%.3f ms; "
                + "p99 %.3f ms, %.3f ms (%,.0f req/s in all)%n", USERS, many[0], many[1], many[0] - many[1], many[2],
                many[3], many[4]);
        System.out.printf("(medians of %d rounds; each client alternates between an instance with limits and one "
                + "without, %d s per round)%n", ROUNDS, ROUND.toSeconds());
    }

    private static double[] medians(List<double[]> rounds) {
        double[] medians = new double[rounds.getFirst().length];
        for (int i = 0; i < medians.length; i++) {
            int column = i;
            double[] values = rounds.stream().mapToDouble(round -> round[column]).sorted().toArray();
            medians[i] = values[values.length / 2];
        }
        return medians;
    }

    private static Map<String, Object> with(Map<String, Object> properties, String key, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put(key, value);
        return all;
    }

    /**
     * {@code users} clients, each its own address (X-Forwarded-For from loopback), as fast as answers come, every
     * client's requests alternating between {@code a} and {@code b}. Returns p50 of a, p50 of b, p99 of a, p99 of b,
     * requests/s.
     */
    private static double[] run(StandaloneGateway a, StandaloneGateway b, int users, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long[][] nanos = { new long[2_000_000], new long[2_000_000] };
        AtomicInteger[] counts = { new AtomicInteger(), new AtomicInteger() };
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            String address = "198.18.7." + (user + 1);
            HttpProbe[] http = { a.http(), b.http() };
            int firstTarget = user % 2;
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = firstTarget; System.nanoTime() < end; i++) {
                    int target = i % 2;
                    long began = System.nanoTime();
                    int status = http[target].send(http[target].request(PATH).header("X-Forwarded-For", address)
                            .GET()).status();
                    long took = System.nanoTime() - began;
                    if (status != 200) {
                        failures.incrementAndGet();
                    }
                    int index = counts[target].getAndIncrement();
                    if (index < nanos[target].length) {
                        nanos[target][index] = took;
                    }
                }
            }, command -> Thread.ofVirtual().start(command)));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests did not answer 200");
        }
        Latencies ofA = Latencies.of(nanos[0], Math.min(counts[0].get(), nanos[0].length));
        Latencies ofB = Latencies.of(nanos[1], Math.min(counts[1].get(), nanos[1].length));
        return new double[] { ofA.percentileMillis(50), ofB.percentileMillis(50), ofA.percentileMillis(99),
                ofB.percentileMillis(99), (counts[0].get() + counts[1].get()) / (duration.toNanos() / 1e9) };
    }

    private RateLimitBenchmark() {
    }
}
