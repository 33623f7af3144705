package org.baokao.enrollment.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.baokao.testkit.Eventually;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook endpoint in the test JVM (API-2): records every delivery it is sent (headers, body, when) and
 * answers 200, unless told to fail a given event's first N deliveries (500) or to close every connection without
 * an answer (as a server that died mid-request).
 */
final class PartnerEndpoint implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private volatile boolean failingAll;
    private volatile boolean closingConnections;

    private PartnerEndpoint(HttpServer server) {
        this.server = server;
    }

    static PartnerEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PartnerEndpoint endpoint = new PartnerEndpoint(server);
            server.createContext("/hook", endpoint::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As a partner registers it: http on loopback, allowed by the tests' {@code allow-local-http}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code times} deliveries of this event are answered 500. */
    void fail(UUID eventId, int times) {
        failuresLeft.put(eventId.toString(), new AtomicInteger(times));
    }

    /** Every delivery answered 500 until {@link #recover()}. */
    void failAll() {
        failingAll = true;
    }

    /** Every connection closed without an answer until {@link #recover()}. */
    void closeConnections() {
        closingConnections = true;
    }

    void recover() {
        failingAll = false;
        closingConnections = false;
        failuresLeft.clear();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> of(UUID eventId) {
        return received.stream().filter(r -> eventId.toString().equals(r.eventId())).toList();
    }

    /** The first delivery of the event answered 2xx, once it came. */
    Received awaitDelivered(UUID eventId) {
        return await("a delivery of " + eventId + " answered 200",
                r -> eventId.toString().equals(r.eventId()) && r.answered() == 200);
    }

    Received await(String what, Predicate<Received> match) {
        return Eventually.value(what, Duration.ofSeconds(30),
                () -> received.stream().filter(match).findFirst().orElse(null));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (closingConnections) {
            // no status line: the sender sees the connection closed
            exchange.close();
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String eventId = exchange.getRequestHeaders().getFirst("Baokao-Event-Id");
        AtomicInteger left = eventId == null ? null : failuresLeft.get(eventId);
        boolean fails = failingAll || (left != null && left.getAndDecrement() > 0);
        int status = fails ? 500 : 200;
        received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("Baokao-Signature"), eventId,
                exchange.getRequestHeaders().getFirst("Baokao-Delivery-Id"),
                exchange.getRequestHeaders().getFirst("Baokao-Event-Type"),
                exchange.getRequestHeaders().getFirst("Content-Type"), text, status));
        byte[] answer = (fails ? "{\"error\":\"busy\"}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One delivery as the partner got it, and what it answered. */
    record Received(Instant at, String signature, String eventId, String deliveryId, String eventType,
            String contentType, String body, int answered) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The v1 signatures of the header, in its order. */
        List<String> signatures() {
            List<String> v1 = new ArrayList<>();
            for (String part : signature.split(",")) {
                if (part.startsWith("v1=")) {
                    v1.add(part.substring(3));
                }
            }
            return v1;
        }

        long timestamp() {
            for (String part : signature.split(",")) {
                if (part.startsWith("t=")) {
                    return Long.parseLong(part.substring(2));
                }
            }
            throw new IllegalStateException("no t= in " + signature);
        }
    }
}
