package org.baokao.photo.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CandidateJourney.Tokens;
import org.baokao.testkit.Crowd;
import org.baokao.testkit.Crowd.Outcome;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.PhotoForm;
import org.baokao.testkit.Latencies;
import org.baokao.testkit.LocalStack;

/**
 * Photo uploads (PHO-2, PHO-3) through the gateway of the running stack ({@code ./baokao up}): {@code bench.users}
 * logged-in candidates each upload a 2-megapixel JPEG (1224x1632) back to back, waiting for each answer; every
 * upload is the whole path (gateway, token, multipart, quality check with face detection, two S3 writes, the row).
 * Prints uploads/s, p50 and p99. The candidates are put on the demo roster, registered and logged in first.
 * Run: {@code ./baokao up && ./baokao bench photo-upload}. Options: {@code -Dbench.users=8 -Dbench.seconds=60}.
 */
public final class PhotoUploadBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    private static final Duration PHONE_COOLDOWN = Duration.ofSeconds(61);
    private static final String PASSWORD = "Bench@2026x";
    private static final HttpProbe GATEWAY = HttpProbe.at(LocalStack.GATEWAY);

    public static void main(String[] args) throws Exception {
        System.out.printf("== Photo upload benchmark: %d cores, %d concurrent candidates, %d s warm-up, %d s measured%n",
                Runtime.getRuntime().availableProcessors(), USERS, WARM_UP.toSeconds(), MEASURE.toSeconds());
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            photos.add(TestPhotos.portraitJpeg(1224, 2000 + i));
        }
        List<Tokens> candidates = loggedInCandidates();

        long measureFrom = System.nanoTime() + WARM_UP.toNanos();
        long measureUntil = measureFrom + MEASURE.toNanos();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<long[]> perUser = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < candidates.size(); u++) {
            Tokens tokens = candidates.get(u);
            int first = u;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                int next = first;
                while (System.nanoTime() < measureUntil) {
                    long began = System.nanoTime();
                    String failure = upload(tokens.accessToken(), photos.get(next++ % photos.size()));
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
                perUser.add(Arrays.copyOf(latencies, count));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = perUser.stream().flatMapToLong(Arrays::stream).toArray();
        Latencies latencies = Latencies.of(all, all.length);
        double perSecond = latencies.count() / (double) MEASURE.toSeconds();
        System.out.printf("uploads: %d in %d s = %.1f/s, p50 %.1f ms, p99 %.1f ms, failed %s%n", latencies.count(),
                MEASURE.toSeconds(), perSecond, latencies.percentileMillis(50), latencies.percentileMillis(99),
                failures);
        System.out.println();
        System.out.printf("RESULT photo uploads through the gateway/s %.1f (2 MP JPEG, %d users, p99 %.1f ms)%n",
                perSecond, USERS, latencies.percentileMillis(99));
        System.exit(0);
    }

    private static List<Tokens> loggedInCandidates() throws InterruptedException {
        List<Candidate> candidates = LocalStack.newCandidates(USERS, PASSWORD);
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, candidates, LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        Map<Candidate, String> addresses = LocalStack.clientAddresses(candidates);
        Outcome<Candidate> registered = Crowd.each(candidates, USERS,
                candidate -> journey.from(addresses.get(candidate)).register(candidate));
        System.out.println("registrations: " + registered.summary());
        System.out.printf("waiting %d s for the phones' SMS cooldown (ACC-6)%n", PHONE_COOLDOWN.toSeconds());
        Thread.sleep(PHONE_COOLDOWN);
        List<Tokens> tokens = Collections.synchronizedList(new ArrayList<>());
        Outcome<Candidate> loggedIn = Crowd.each(List.copyOf(registered.ok()), USERS,
                candidate -> tokens.add(journey.from(addresses.get(candidate)).login(candidate)));
        System.out.println("logins: " + loggedIn.summary());
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no candidate logged in: nothing to measure");
        }
        return tokens;
    }

    /** One multipart upload; null when it was accepted (201), else a short failure reason. */
    private static String upload(String accessToken, byte[] photo) {
        try {
            HttpProbe.Answer answer = GATEWAY.send(PhotoForm.post(GATEWAY.request("/api/photos")
                    .header("Authorization", "Bearer " + accessToken), photo));
            return answer.status() == 201 ? null : answer.status() + " " + answer.problemCode();
        } catch (RuntimeException e) {
            return Crowd.reason(e);
        }
    }
}
