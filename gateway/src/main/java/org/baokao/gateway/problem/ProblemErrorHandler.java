package org.baokao.gateway.problem;

import org.baokao.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises (unknown path, unexpected failure) leaves as problem details
 * like the services' errors, never as Boot's default error JSON or a stack trace.
 * Ordered before Boot's own handler (-1).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = error instanceof ResponseStatusException rse
                ? rse.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error);
        }
        exchange.getResponse().getHeaders().clear();
        return ProblemWriter.write(exchange, Problems.forStatus(status));
    }
}
