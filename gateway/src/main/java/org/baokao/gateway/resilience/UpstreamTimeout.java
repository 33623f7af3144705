package org.baokao.gateway.resilience;

import java.time.Duration;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.stereotype.Component;

import reactor.netty.http.client.HttpClient;

/**
 * The breakers' time limit ({@code baokao.gateway.breaker.timeout}), kept by the Netty client that calls the
 * services: a service that sends nothing for that long after it got the request fails the call, which its route's
 * breaker counts and answers with its fallback (503). Resilience4j's own time limiter is switched off
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): it put a 10 s task on Reactor's shared
 * timer for every request and cancelled it at the answer, a lock and a thread wake-up each time (issue 21); the
 * client's timer lives on the connection's own event loop. It counts from the end of the request, not from its
 * start, and is reset by every part of the answer that arrives: a phone's slow upload or a long download is not
 * cut off while it is alive.
 */
@Component
class UpstreamTimeout implements HttpClientCustomizer {

    private final Duration timeout;

    UpstreamTimeout(BreakerProperties properties) {
        this.timeout = properties.timeout();
    }

    @Override
    public HttpClient customize(HttpClient httpClient) {
        return httpClient.responseTimeout(timeout);
    }
}
