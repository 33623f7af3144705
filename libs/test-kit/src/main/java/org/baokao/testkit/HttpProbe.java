package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against a running service or gateway, as a browser or partner system would call it. */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * HTTP/1.1 as the services speak it (the default, HTTP/2, first offers every plain-http connection an h2c
     * upgrade nobody takes), and responses completed on the client's selector thread instead of being handed to
     * another thread: a load test's client then costs a fraction of the CPU it shares with the platform.
     */
    private final HttpClient client;
    private final String baseUrl;
    /** The client address it poses as ({@code X-Forwarded-For}, believed from loopback only), or null. */
    private final String clientAddress;
    /** Told every answer (e.g. a chaos run counting 5xx), or null. */
    private final BiConsumer<HttpRequest, Answer> onAnswer;

    private HttpProbe(String baseUrl) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, null, null);
    }

    private HttpProbe(HttpClient client, String baseUrl, String clientAddress, BiConsumer<HttpRequest, Answer> onAnswer) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
        this.onAnswer = onAnswer;
    }

    /**
     * The same server and connections, posing as {@code clientAddress} and telling {@code onAnswer} every answer:
     * a load test that stands for many clients and watches what they get.
     */
    public HttpProbe as(String clientAddress, BiConsumer<HttpRequest, Answer> onAnswer) {
        return new HttpProbe(client, baseUrl, clientAddress, onAnswer);
    }

    public static HttpProbe at(String baseUrl) {
        return new HttpProbe(baseUrl);
    }

    public static HttpProbe onLocalPort(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer get(String path, String bearerToken) {
        return send(request(path).header("Authorization", "Bearer " + bearerToken).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        if (clientAddress != null) {
            request.setHeader("X-Forwarded-For", clientAddress);
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
            if (onAnswer != null) {
                onAnswer.accept(built, answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    /** A response: status, content type, body (readable as JSON) and headers. */
    public record Answer(int status, String contentType, String body, HttpHeaders headers) {

        private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

        /** An answer whose other headers nobody looks at. */
        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, NONE);
        }

        /** The first value of a response header (names are case-insensitive). */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The stable {@code code} of a problem-details answer. */
        public String problemCode() {
            return json().path("code").asString();
        }
    }
}
