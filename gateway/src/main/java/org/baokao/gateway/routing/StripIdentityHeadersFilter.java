package org.baokao.gateway.routing;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Removes every incoming {@code X-Baokao-*} header before a request is routed: that prefix is reserved for
 * headers the platform sets itself, so a caller must never be able to pose as the gateway with them.
 */
@Component
class StripIdentityHeadersFilter implements GlobalFilter, Ordered {

    static final String RESERVED_PREFIX = "X-Baokao-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        List<String> spoofed = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(StripIdentityHeadersFilter::isReserved)
                .toList();
        if (spoofed.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest cleaned = exchange.getRequest().mutate()
                .headers(headers -> spoofed.forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(cleaned).build());
    }

    private static boolean isReserved(String header) {
        return header.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length());
    }

    @Override
    public int getOrder() {
        // before any other filter can copy or forward them
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
