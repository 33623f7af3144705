package org.baokao.photo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.baokao.photo.quality.OpenCvFaceDetector;
import org.baokao.photo.quality.PhotoQualityCheck;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.photo.requirements.PhotoRequirements;
import org.baokao.testkit.Latencies;

/**
 * How many photo quality checks (PHO-2) can this machine do? The whole check as an upload runs it: size and header
 * checks, sub-sampled decode, crop and scale to 480x640, exposure and background, OpenCV face detection, JPEG
 * re-encoding. Input: distinct synthetic 2-megapixel portraits (1224x1632 JPEG, a phone photo cropped to 3:4),
 * generated before the clock starts. {@code bench.threads} checks run side by side (default: one per core, as the
 * service's request threads would), each back to back; prints checks/s, p50 and p99.
 * Run: {@code ./baokao bench photo}. Options: {@code -Dbench.threads=2 -Dbench.seconds=30 -Dbench.warmup=10}.
 */
public final class PhotoQualityBenchmark {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final int THREADS = Integer.getInteger("bench.threads", CORES);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int PHOTOS = 16;
    // the service's defaults (photo-service application.yml)
    private static final PhotoRequirements RULES = new PhotoRequirements(10240, 10485760, 295, 413, 6000, 8000,
            0.05, 70, 225, 25, 170, 30);

    public static void main(String[] args) throws Exception {
        System.out.printf("== Photo quality benchmark: %d cores, %d threads, %d s warm-up, %d s measured%n", CORES,
                THREADS, WARM_UP.toSeconds(), MEASURE.toSeconds());
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            photos.add(TestPhotos.portraitJpeg(1224, 1000 + i));
        }
        System.out.printf("input: %d distinct 1224x1632 JPEGs (%.2f megapixels), %d..%d KB%n", PHOTOS,
                1224 * 1632 / 1e6, photos.stream().mapToInt(p -> p.length).min().orElse(0) / 1024,
                photos.stream().mapToInt(p -> p.length).max().orElse(0) / 1024);
        PhotoQualityCheck check = new PhotoQualityCheck(RULES, new OpenCvFaceDetector(THREADS));
        check.check(photos.get(0)); // fail fast if the synthetic photo does not pass

        long measureFrom = System.nanoTime() + WARM_UP.toNanos();
        long measureUntil = measureFrom + MEASURE.toNanos();
        List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                long[] latencies = new long[1 << 18];
                int count = 0;
                int next = first;
                while (System.nanoTime() < measureUntil) {
                    byte[] photo = photos.get(next++ % PHOTOS);
                    long began = System.nanoTime();
                    check.check(photo);
                    long ended = System.nanoTime();
                    if (began >= measureFrom && ended <= measureUntil && count < latencies.length) {
                        latencies[count++] = ended - began;
                    }
                }
                perThread.add(Arrays.copyOf(latencies, count));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        Latencies latencies = Latencies.of(all, all.length);
        double perSecond = latencies.count() / (double) MEASURE.toSeconds();
        System.out.printf("quality checks: %d in %d s = %.1f/s, p50 %.1f ms, p99 %.1f ms%n", latencies.count(),
                MEASURE.toSeconds(), perSecond, latencies.percentileMillis(50), latencies.percentileMillis(99));
        System.out.println();
        System.out.printf("RESULT photo quality checks/s %.1f (2 MP JPEG, %d threads, p99 %.1f ms)%n", perSecond,
                THREADS, latencies.percentileMillis(99));
        System.exit(0);
    }
}
