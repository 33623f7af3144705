package org.baokao.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A backend service for the gateway's tests: a real HTTP server on loopback that records every request it
 * receives and answers {@code 200 {"service": NAME}}, unless told to misbehave for the next requests.
 * It can be stopped and started again on the same port, like a service being restarted.
 */
public final class FakeService {

    /** What the service does with one request instead of answering normally. */
    public enum Trouble {
        /** Closes the connection without any answer, like a crash mid-request. */
        DROP_CONNECTION,
        /** Answers 503, like an overloaded instance. */
        ANSWER_503,
        /** Answers 500, like a bug. */
        ANSWER_500,
        /** Answers normally, but only after three seconds. */
        ANSWER_SLOWLY,
        /**
         * Answers 200 at once, then sends its body in {@link #PARTS} parts over three seconds, like a large download
         * to a slow phone: never silent for long, but longer in all than the time limit.
         */
        ANSWER_IN_PARTS
    }

    /** The parts of an {@link Trouble#ANSWER_IN_PARTS} body, sent 600 ms apart. */
    public static final int PARTS = 6;

    public record Received(String method, String uri, Headers headers, String body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final String name;
    private int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Trouble> troubles = new ArrayDeque<>();
    private final Map<String, String> answerHeaders = new java.util.concurrent.ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    private FakeService(String name) {
        this.name = name;
    }

    /** Starts a service on a free loopback port. */
    public static FakeService start(String name) {
        FakeService service = new FakeService(name);
        service.listen(0);
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Every request received since the last {@link #reset()}, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received lastReceived() {
        if (received.isEmpty()) {
            throw new AssertionError(name + " received no request");
        }
        return received.getLast();
    }

    /** The next requests, one trouble each, in order; requests after them are answered normally. */
    public synchronized FakeService misbehave(Trouble... next) {
        troubles.addAll(List.of(next));
        return this;
    }

    public synchronized void reset() {
        received.clear();
        troubles.clear();
        answerHeaders.clear();
    }

    /** Every normal answer from now on carries this header too (until {@link #reset()}). */
    public FakeService answerWithHeader(String name, String value) {
        answerHeaders.put(name, value);
        return this;
    }

    /** Stops listening; connections are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    /** Listens again on the same port. */
    public void restart() {
        listen(port);
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                copy(exchange.getRequestHeaders()), body));
        Trouble trouble;
        synchronized (this) {
            trouble = troubles.pollFirst();
        }
        if (trouble == Trouble.DROP_CONNECTION) {
            // HttpServer closes the connection without a response when the handler throws
            throw new IOException("dropping the connection on purpose");
        }
        if (trouble == Trouble.ANSWER_SLOWLY) {
            sleep(Duration.ofSeconds(3));
        }
        if (trouble == Trouble.ANSWER_IN_PARTS) {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0); // chunked
            for (int part = 1; part <= PARTS; part++) {
                exchange.getResponseBody().write(("part " + part + "\n").getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                sleep(Duration.ofMillis(600));
            }
            exchange.close();
            return;
        }
        int status = trouble == Trouble.ANSWER_503 ? 503 : trouble == Trouble.ANSWER_500 ? 500 : 200;
        byte[] answer = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answerHeaders.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static Headers copy(Headers headers) {
        Headers copy = new Headers();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            copy.put(header.getKey(), List.copyOf(header.getValue()));
        }
        return copy;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
