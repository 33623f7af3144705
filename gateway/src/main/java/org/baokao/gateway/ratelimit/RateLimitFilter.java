package org.baokao.gateway.ratelimit;

import java.security.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.gateway.routing.ClientAddresses;
import org.baokao.gateway.routing.RequestPaths;
import org.baokao.web.problem.Problems;
import org.baokao.web.security.Roles;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * GW-1: every {@code /api} and {@code /open-api} request takes a token from the bucket {@link LimitPolicy} picks for
 * it, in the store every gateway instance shares ({@link TokenBuckets}); an empty bucket is answered 429
 * {@code RATE_LIMITED} with {@code Retry-After} and never reaches a service.
 * <p>
 * Runs after Spring Security's chain (order -100): the caller is known from a verified token only, so nobody spends
 * a partner's quota or an operator's allowance by naming them, and a bad token is refused (401) before it costs a
 * bucket. A store that fails or does not answer within {@code store-timeout} lets the request through (fails open):
 * the limits protect the platform, and an outage of theirs must not become an outage of registration; the services
 * still cap SMS codes and logins per address themselves (ACC-5, ACC-6).
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's WebFilterChainProxy (-100). */
    static final int ORDER = -50;

    private static final String PARTNER_ROLE = "ROLE_" + Roles.PARTNER;
    private static final String OPERATOR_ROLE = "ROLE_" + Roles.OPERATOR;
    private static final String SERVICE_ROLE = "ROLE_" + Roles.SERVICE;
    private static final String CANDIDATE_ROLE = "ROLE_" + Roles.CANDIDATE;

    private final LimitPolicy policy;
    private final TokenBuckets buckets;
    private final ClientAddresses clients;
    private final RateLimitMetrics metrics;
    private final Duration storeTimeout;
    private final EventLoops eventLoops = new EventLoops();

    RateLimitFilter(LimitPolicy policy, TokenBuckets buckets, ClientAddresses clients, RateLimitMetrics metrics,
            Duration storeTimeout) {
        this.policy = policy;
        this.buckets = buckets;
        this.clients = clients;
        this.metrics = metrics;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = RequestPaths.decoded(request);
        if (!(path.startsWith("/api/") || path.startsWith("/open-api/"))) {
            return chain.filter(exchange); // pages, files, the actuator: no principal to look up
        }
        return exchange.getPrincipal()
                .map(RateLimitFilter::callerOf)
                .defaultIfEmpty(Caller.ANONYMOUS)
                .map(caller -> policy.limitFor(new Call(path, clients.clientOf(request), caller)))
                .flatMap(limit -> limit.isEmpty() ? chain.filter(exchange) : take(limit.get(), exchange, chain));
    }

    private Mono<Void> take(Limit limit, ServerWebExchange exchange, WebFilterChain chain) {
        // The answer arrives on Redis's event loop: the request goes on on its own connection's loop, never on the
        // one thread that reads every Redis answer of this gateway; the time limit runs on that loop too, with no
        // other thread to wake.
        Scheduler loop = eventLoops.of(exchange.getRequest());
        return Mono.fromFuture(() -> buckets.take(limit))
                .timeout(storeTimeout, loop)
                .onErrorResume(failure -> {
                    metrics.failedOpen(limit, failure);
                    return Mono.just(Verdict.ALLOWED);
                })
                .publishOn(loop)
                .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange) : refuse(limit, verdict, exchange));
    }

    private Mono<Void> refuse(Limit limit, Verdict verdict, ServerWebExchange exchange) {
        metrics.refused(limit.limitClass());
        long seconds = verdict.retryAfterSeconds();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return ProblemWriter.write(exchange, rateLimited(seconds));
    }

    static ProblemDetail rateLimited(long retryAfterSeconds) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "请求过于频繁，请 " + retryAfterSeconds + " 秒后再试");
    }

    /** Who the verified token says the caller is; a token of no known kind counts as none. */
    static Caller callerOf(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken authentication)) {
            return Caller.ANONYMOUS;
        }
        Jwt token = authentication.getToken();
        Collection<GrantedAuthority> roles = authentication.getAuthorities();
        if (has(roles, PARTNER_ROLE)) {
            String clientId = Optional.ofNullable(token.getClaimAsString("azp")).orElse(token.getSubject());
            return new Caller.Partner(clientId, quotaOf(token.getClaim("quota_per_minute")));
        }
        if (has(roles, OPERATOR_ROLE) || has(roles, SERVICE_ROLE)) {
            return new Caller.Operator(token.getSubject());
        }
        if (has(roles, CANDIDATE_ROLE)) {
            return new Caller.Candidate(token.getSubject());
        }
        return Caller.ANONYMOUS;
    }

    private static boolean has(Collection<GrantedAuthority> roles, String role) {
        return roles.stream().anyMatch(granted -> role.equals(granted.getAuthority()));
    }

    private static Integer quotaOf(Object claim) {
        if (claim instanceof Number number) {
            return number.intValue();
        }
        if (claim instanceof String text && text.strip().matches("[0-9]{1,9}")) {
            return Integer.valueOf(text.strip());
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
