package org.baokao.account.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.baokao.account.password.PasswordHashing;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.LocalStack;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Is everything but password hashing cheap? Prints, in one run on this machine: raw Argon2id verifications/s
 * with the parameters logins use (one thread per core, nothing else running), and complete logins/s through the
 * gateway of the running stack ({@code ./baokao up}): captcha, SMS code over Kafka, notification-service and the
 * sandbox SMS gateway, another captcha, then ID number + password + code (ACC-5, ACC-6). Each login is a fresh
 * candidate from its own client address, so the per-phone 60 s cooldown and per-client caps hold as in production.
 * Run: {@code ./baokao up && ./baokao bench login}. Options: {@code -Dbench.accounts=1200 -Dbench.users=24}.
 */
public final class LoginBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1200);
    private static final int USERS = Integer.getInteger("bench.users", 24);
    private static final Duration RAW_WARM_UP = Duration.ofSeconds(3);
    private static final Duration RAW_MEASURE = Duration.ofSeconds(10);
    /** ACC-6: one code per phone per 60 s; registering sent one to every phone. */
    private static final Duration PHONE_COOLDOWN = Duration.ofSeconds(61);
    private static final String PASSWORD = "Bench@2026x";

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("== Login benchmark: %d cores, %d accounts, %d concurrent candidates%n", cores, ACCOUNTS,
                USERS);

        double raw = rawVerificationsPerSecond(cores);
        System.out.printf("raw Argon2id verifications: %.1f/s on %d threads%n", raw, cores);

        List<Candidate> candidates = LocalStack.newCandidates(ACCOUNTS, PASSWORD);
        long importStart = System.nanoTime();
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, candidates, LocalStack.operatorToken());
        System.out.printf("roster: %d candidates imported in %.1f s%n", ACCOUNTS, seconds(System.nanoTime() - importStart));

        CandidateJourney journey = CandidateJourney.onLocalStack();
        Map<Candidate, String> addresses = clientAddresses(candidates);
        Run registrations = run(candidates, candidate -> journey.from(addresses.get(candidate)).register(candidate));
        System.out.printf("registrations: %d in %.1f s = %.1f/s, p50 %.0f ms, p99 %.0f ms, failed %d %s%n",
                registrations.succeeded(), registrations.seconds(), registrations.perSecond(),
                registrations.percentileMillis(50), registrations.percentileMillis(99), registrations.failed(),
                registrations.failures());
        List<Candidate> registered = candidates.stream().filter(registrations.ok()::contains).toList();

        System.out.printf("waiting %d s: the last registration code was sent less than a minute ago (ACC-6)%n",
                PHONE_COOLDOWN.toSeconds());
        Thread.sleep(PHONE_COOLDOWN);

        Run logins = run(registered, candidate -> journey.from(addresses.get(candidate)).login(candidate));
        System.out.printf("complete logins: %d in %.1f s = %.1f/s, p50 %.0f ms, p99 %.0f ms, failed %d %s%n",
                logins.succeeded(), logins.seconds(), logins.perSecond(), logins.percentileMillis(50),
                logins.percentileMillis(99), logins.failed(), logins.failures());
        System.out.println();
        System.out.printf("RESULT raw verifications/s %.1f | complete logins/s %.1f | logins/raw %.0f%% (goal >= 80%%)%n",
                raw, logins.perSecond(), 100 * logins.perSecond() / raw);
        System.exit(0);
    }

    /** Argon2id verifications of one stored hash, one thread per core, counted after a warm-up. */
    static double rawVerificationsPerSecond(int threads) throws InterruptedException {
        PasswordEncoder encoder = PasswordHashing.encoder();
        String hash = encoder.encode(PASSWORD);
        LongAdder done = new LongAdder();
        long measureFrom = System.nanoTime() + RAW_WARM_UP.toNanos();
        long measureUntil = measureFrom + RAW_MEASURE.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < measureUntil) {
                    if (!encoder.matches(PASSWORD, hash)) {
                        throw new IllegalStateException("the hash does not verify");
                    }
                    long now = System.nanoTime();
                    if (now >= measureFrom && now < measureUntil) {
                        done.increment();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() / seconds(RAW_MEASURE.toNanos());
    }

    /** Every candidate through {@code step} by {@link #USERS} concurrent workers; timings per candidate. */
    static Run run(List<Candidate> candidates, Consumer<Candidate> step) throws InterruptedException {
        ConcurrentLinkedQueue<Candidate> queue = new ConcurrentLinkedQueue<>(candidates);
        long[] latencies = new long[candidates.size()];
        AtomicLong succeeded = new AtomicLong();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Candidate> ok = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch finished = new CountDownLatch(USERS);
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < USERS; i++) {
                workers.execute(() -> {
                    Candidate candidate;
                    while ((candidate = queue.poll()) != null) {
                        long began = System.nanoTime();
                        try {
                            step.accept(candidate);
                            latencies[(int) succeeded.getAndIncrement()] = System.nanoTime() - began;
                            ok.add(candidate);
                        } catch (CandidateJourney.StepFailed e) {
                            failures.computeIfAbsent(e.code() + "/" + e.status(), k -> new LongAdder()).increment();
                        } catch (RuntimeException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        }
                    }
                    finished.countDown();
                });
            }
            finished.await();
        }
        long elapsed = System.nanoTime() - start;
        int count = (int) succeeded.get();
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Run(count, elapsed, sorted, failures, java.util.Set.copyOf(ok));
    }

    record Run(int succeeded, long elapsedNanos, long[] sortedLatencies, Map<String, LongAdder> failures,
            java.util.Set<Candidate> ok) {

        double seconds() {
            return LoginBenchmark.seconds(elapsedNanos);
        }

        double perSecond() {
            return succeeded / seconds();
        }

        long failed() {
            return failures.values().stream().mapToLong(LongAdder::sum).sum();
        }

        double percentileMillis(int percentile) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int index = Math.min(sortedLatencies.length - 1, (int) Math.ceil(percentile / 100.0 * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }

    /** One client address per candidate, from the benchmarking range 198.18.0.0/15 (RFC 2544). */
    private static Map<Candidate, String> clientAddresses(List<Candidate> candidates) {
        Map<Candidate, String> addresses = new java.util.HashMap<>();
        for (int n = 0; n < candidates.size(); n++) {
            addresses.put(candidates.get(n), "198.18." + (n / 250) + "." + (n % 250 + 1));
        }
        return addresses;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
