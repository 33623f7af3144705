package org.baokao.gateway.problem;

import java.util.Set;

import org.baokao.web.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What Spring Security's firewall (StrictServerWebExchangeFirewall, the first thing every request meets) refuses,
 * answered as problem details instead of its empty 400: a method it does not serve, {@code TRACE} above all, is
 * 405 {@code METHOD_NOT_ALLOWED} with {@code Allow}; a path it will not route (an encoded {@code .} or {@code /},
 * {@code //}, {@code ..}, a {@code ;}, a backslash, an encoded NUL or line break) or a header with control
 * characters is 400 {@code REQUEST_REJECTED}. Picked up by Spring Security's WebFilterChainProxy as the only bean
 * of its type.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    /** The firewall's own list: what it lets through. */
    static final Set<HttpMethod> SERVED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        if (!SERVED.contains(exchange.getRequest().getMethod())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, ALLOW);
            return ProblemWriter.write(exchange, Problems.forStatus(HttpStatus.METHOD_NOT_ALLOWED));
        }
        return ProblemWriter.write(exchange, requestRejected());
    }

    static ProblemDetail requestRejected() {
        return Problems.of(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "请求地址或请求头不符合规范");
    }
}
