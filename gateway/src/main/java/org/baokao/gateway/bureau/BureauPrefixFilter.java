package org.baokao.gateway.bureau;

import java.util.Optional;

import org.baokao.web.bureau.BureauAddress;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A candidate reaches a bureau (考试院, BUR-1) by a path prefix: its API at {@code /sd/api/...}, {@code /sh/api/...}.
 * This filter turns such a call into the service's own path ({@code /api/...}) and names the bureau in
 * {@link BureauAddress#HEADER}; on every other request it removes that header, so the only way to address a bureau
 * is its prefix (an unprefixed call belongs to the services' default bureau).
 * <p>
 * First of all the gateway's filters: the security rules (public paths, {@code /api/**} authenticated), the page
 * filter and the routes all see the path without the prefix.
 */
@Component
@Order(BureauPrefixFilter.ORDER)
public class BureauPrefixFilter implements WebFilter {

    /** Before {@code SinglePageAppFilter} and long before Spring Security's chain (-100). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        // the raw (still encoded) path: what is passed on must be exactly what the caller sent, minus the prefix
        Optional<BureauAddress.Prefixed> prefixed = BureauAddress.apiUnderPrefix(request.getPath().value());
        ServerHttpRequest passedOn;
        if (prefixed.isPresent()) {
            BureauAddress.Prefixed address = prefixed.get();
            passedOn = request.mutate()
                    .path(address.path())
                    .headers(headers -> headers.set(BureauAddress.HEADER, address.bureau()))
                    .build();
        } else if (request.getHeaders().containsHeader(BureauAddress.HEADER)) {
            passedOn = request.mutate().headers(headers -> headers.remove(BureauAddress.HEADER)).build();
        } else {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(passedOn).build());
    }
}
