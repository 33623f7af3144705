package org.baokao.enrollment.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.baokao.enrollment.webhook.DeliveryStore.Attempt;
import org.baokao.enrollment.webhook.DeliveryStore.Claimed;

/**
 * POSTs one delivery to its partner's endpoint (API-2) with the JDK's HTTP client: signed at the moment it is sent
 * ({@link WebhookSignature}), connect and request timeouts from {@link WebhookProperties}, no redirects followed (a
 * redirect is not the partner's answer), HTTP/1.1. Any 2xx is delivered; anything else, or no answer, is a failure
 * described in words the partner and the operators read.
 */
class WebhookSender {

    static final String EVENT_ID = "Baokao-Event-Id";
    static final String DELIVERY_ID = "Baokao-Delivery-Id";
    static final String EVENT_TYPE = "Baokao-Event-Type";
    private static final int MAX_ERROR = 300;

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.connectTimeout = properties.connectTimeout();
        this.requestTimeout = properties.requestTimeout();
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @throws InterruptedException when the service stops meanwhile: the attempt is not counted */
    Attempt send(Claimed delivery, List<String> secrets) throws InterruptedException {
        Instant at = clock.instant();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Baokao-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(at, delivery.body(), secrets))
                .header(EVENT_ID, delivery.eventId().toString())
                .header(EVENT_TYPE, delivery.eventType())
                .header(DELIVERY_ID, delivery.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Attempt(at, status, ok ? null : "回调地址应答 HTTP " + status, elapsedMs(started), ok);
        } catch (HttpConnectTimeoutException e) {
            return failed(at, started, "连接超时（" + connectTimeout.toMillis() + " 毫秒内未能连接）");
        } catch (HttpTimeoutException e) {
            return failed(at, started, "应答超时（" + requestTimeout.toMillis() + " 毫秒内未应答）");
        } catch (ConnectException e) {
            return failed(at, started, "无法连接回调地址（连接被拒绝）");
        } catch (IOException e) {
            return failed(at, started, "连接中断，未收到应答（" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : "：" + e.getMessage()) + "）");
        }
    }

    private static Attempt failed(Instant at, long started, String error) {
        String bounded = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return new Attempt(at, null, bounded, elapsedMs(started), false);
    }

    private static long elapsedMs(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
