package org.baokao.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * Where a route's breaker forwards when its service did not answer or the breaker is open: a problem-details
 * 503 naming the service, so the UI can say which part of the platform is down. Any method: the forward keeps
 * the original one. Reached only by the gateway's internal forward (the security rules deny it from outside).
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof CallNotPermittedException) {
            log.debug("{} breaker open, refusing a {} call", service, exchange.getRequest().getMethod());
        } else {
            log.warn("{} service did not answer a {} call: {}", service, exchange.getRequest().getMethod(),
                    cause == null ? "unknown" : cause.toString());
        }
        ProblemDetail problem = Problems.serviceUnavailable();
        problem.setProperty("service", service);
        // written directly: a returned ProblemDetail would get the internal /fallback path as its instance
        return ProblemWriter.write(exchange, problem);
    }
}
