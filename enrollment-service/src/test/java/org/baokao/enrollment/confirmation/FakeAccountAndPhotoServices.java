package org.baokao.enrollment.confirmation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.baokao.web.bureau.BureauAddress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * account-service's {@code GET /api/accounts/me} and photo-service's {@code GET /api/photos/mine/image} as the 确认单
 * sees them: a tiny HTTP server in the test JVM answering per bearer token what a test set for it, and keeping each
 * request's headers (were the candidate's token and bureau passed on?). The real endpoints are tested in their
 * services.
 */
final class FakeAccountAndPhotoServices {

    /** What photo-service does for one token. */
    record Photo(int status, byte[] body, long delayMillis) {
    }

    record Seen(String path, String authorization, String bureau) {
    }

    static final Map<String, String> PROFILES = new ConcurrentHashMap<>();
    static final Map<String, Photo> PHOTOS = new ConcurrentHashMap<>();
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static String url;

    private FakeAccountAndPhotoServices() {
    }

    static synchronized String url() {
        if (url == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
                server.createContext("/api/accounts/me", exchange -> {
                    String profile = PROFILES.get(token(seen(exchange)));
                    if (profile == null) {
                        answer(exchange, 500, "application/problem+json", "{}".getBytes(StandardCharsets.UTF_8));
                    } else {
                        answer(exchange, 200, "application/json", profile.getBytes(StandardCharsets.UTF_8));
                    }
                });
                server.createContext("/api/photos/mine/image", exchange -> {
                    Photo photo = PHOTOS.getOrDefault(token(seen(exchange)), new Photo(404, new byte[0], 0));
                    try {
                        Thread.sleep(photo.delayMillis());
                        answer(exchange, photo.status(), "image/jpeg", photo.body());
                    } catch (InterruptedException | IOException e) {
                        exchange.close(); // the client gave up first
                    }
                });
                server.start();
                url = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return url;
    }

    static List<Seen> seenWith(String token) {
        return SEEN.stream().filter(seen -> ("Bearer " + token).equals(seen.authorization())).toList();
    }

    private static Seen seen(HttpExchange exchange) {
        Seen seen = new Seen(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst(BureauAddress.HEADER));
        SEEN.add(seen);
        return seen;
    }

    private static String token(Seen seen) {
        String authorization = seen.authorization();
        return authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
