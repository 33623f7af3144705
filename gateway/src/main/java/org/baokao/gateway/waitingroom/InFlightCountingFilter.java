package org.baokao.gateway.waitingroom;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Counts the requests this instance is proxying to each guarded route ({@link InFlightLoad}), from before the
 * route's breaker and retries until the answer is out, a failure or a cancelled call included. Requests that wait
 * by design ({@link WaitsByDesign}) are not load and are not counted.
 */
final class InFlightCountingFilter implements GlobalFilter, Ordered {

    /** The exchange's {@link InFlightLoad.Pending}, put there by {@link WaitingRoomFilter}. */
    static final String PENDING = InFlightCountingFilter.class.getName() + ".pending";

    private final InFlightLoad load;
    private final Capacities capacities;

    InFlightCountingFilter(InFlightLoad load, Capacities capacities) {
        this.load = load;
        this.capacities = capacities;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !capacities.guards(route.getId()) || waitsByDesign(exchange.getRequest())) {
            settlePending(exchange);
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            InFlightLoad.Started started = load.started(route.getId());
            // counted in flight first, then no longer pending: never a moment when it counts nowhere
            settlePending(exchange);
            return chain.filter(exchange).doFinally(signal -> started.finished());
        });
    }

    private static void settlePending(ServerWebExchange exchange) {
        InFlightLoad.Pending pending = exchange.getAttribute(PENDING);
        if (pending != null) {
            pending.settle();
        }
    }

    private static boolean waitsByDesign(ServerHttpRequest request) {
        return WaitsByDesign.waits(request.getMethod().name(), request.getPath().pathWithinApplication().value(),
                request.getURI().getRawQuery());
    }

    @Override
    public int getOrder() {
        // around everything the route does: its breaker (with its time limit) and its retries count as one request
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
