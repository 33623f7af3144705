package org.baokao.gateway.waitingroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A backend for the waiting room's tests: answers {@code 200 {"service": NAME}} at once, except requests whose
 * path contains {@code /slow} or that long-poll ({@code waitMs=}): those it holds until {@link #release()}, so a
 * test decides how many requests the gateway has in flight to it.
 */
final class HeldService {

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private final String name;
    private final HttpServer server;
    private final AtomicInteger held = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    private HeldService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static HeldService start(String name) {
        return new HeldService(name);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests held right now. */
    int held() {
        return held.get();
    }

    /** Every request received, as {@code METHOD /path?query}, held ones included. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Answers every request held so far; later slow requests are held again. */
    void release() {
        CountDownLatch open = gate;
        gate = new CountDownLatch(1);
        open.countDown();
    }

    void reset() {
        release();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        received.add(exchange.getRequestMethod() + " " + uri);
        exchange.getRequestBody().readAllBytes();
        if (uri.contains("/slow") || uri.contains("waitMs=")) {
            CountDownLatch until = gate;
            held.incrementAndGet();
            try {
                until.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
        }
        byte[] answer = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
