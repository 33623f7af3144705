package org.baokao.gateway.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.baokao.testkit.Latencies;

/**
 * The JDK's HttpClient (HTTP/1.1, keep-alive), one virtual thread per connection sending back to back: no tool to
 * install, but it costs several times wrk's CPU per request, taken from the cores the gateway and the service share
 * (compare both with {@code -Dbench.generator=java}). Its CPU is this JVM's, read before and after the round.
 * Each request poses as another client ({@link ManyClients}).
 */
final class JavaClientGenerator implements LoadGenerator {

    @Override
    public Round run(String url, ManyClients crowd, int connections, Duration duration) throws Exception {
        URI uri = URI.create(url);
        LongAdder errors = new LongAdder();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long until = start + duration.toNanos();
        List<long[]> perConnection = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run).build();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<long[]>> connectionsDone = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                connectionsDone.add(threads.submit(() -> {
                    long[] latencies = new long[1 << 18];
                    int count = 0;
                    long began;
                    while ((began = System.nanoTime()) < until) {
                        try {
                            HttpRequest request = HttpRequest.newBuilder(uri)
                                    .header(ManyClients.ADDRESS_HEADER, ManyClients.randomAddress())
                                    .header("Cookie", crowd.cookie()).GET().build();
                            HttpResponse<byte[]> response = client.send(request,
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() >= 400) {
                                errors.increment();
                            } else if (count < latencies.length) {
                                latencies[count++] = System.nanoTime() - began;
                            }
                        } catch (java.io.IOException e) {
                            errors.increment();
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            for (Future<long[]> done : connectionsDone) {
                perConnection.add(done.get());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        long[] all = perConnection.stream().flatMapToLong(Arrays::stream).toArray();
        Latencies latencies = Latencies.of(all, all.length);
        return new Round(all.length + errors.sum(), seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors.sum(), cpuSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public String describe() {
        return "JDK HttpClient on virtual threads";
    }
}
