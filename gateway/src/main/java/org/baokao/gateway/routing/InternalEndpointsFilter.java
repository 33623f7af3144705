package org.baokao.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.web.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The gateway is the one port the outside reaches, yet its metrics ({@code /actuator/prometheus}) and build info
 * ({@code /actuator/info}) are for the platform's own eyes: they answer only a caller on the machine or network
 * named by {@code baokao.gateway.internal-callers} (loopback by default: ./baokao, the system tests, a Prometheus on
 * the host; docker-compose names its Prometheus) that connects directly, not through a proxy. Anyone else gets 404
 * {@code NOT_FOUND}, as if they did not exist. {@code /actuator/health} stays open: load balancers and ./baokao ask
 * it, and it says only UP or DOWN. Serving all of the actuator on a management port instead would have moved the
 * health check, the scrapers and the system tests that read the gateway's metrics.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InternalEndpointsFilter implements WebFilter {

    private static final List<String> INTERNAL = List.of("/actuator/prometheus", "/actuator/info");
    private static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");

    private final Pattern internalCallers;

    InternalEndpointsFilter(@Value("${baokao.gateway.internal-callers}") String internalCallers) {
        this.internalCallers = Pattern.compile(internalCallers);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = RequestPaths.decoded(request);
        if (INTERNAL.stream().noneMatch(endpoint -> path.equals(endpoint) || path.startsWith(endpoint + "/"))
                || isInternal(request)) {
            return chain.filter(exchange);
        }
        return ProblemWriter.write(exchange, Problems.forStatus(HttpStatus.NOT_FOUND));
    }

    private boolean isInternal(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        boolean relayed = PROXY_HEADERS.stream().anyMatch(request.getHeaders()::containsHeader);
        return !relayed && peer != null && peer.getAddress() != null
                && internalCallers.matcher(peer.getAddress().getHostAddress()).matches();
    }
}
