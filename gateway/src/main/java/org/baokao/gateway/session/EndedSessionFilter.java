package org.baokao.gateway.session;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.gateway.routing.RequestPaths;
import org.baokao.web.problem.Problems;
import org.baokao.web.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 23 §5: a candidate's access token stops working the moment their session ends (退出), in every tab, though
 * its signature stays good for up to 15 minutes. account-service ends the session (the refresh tokens of its family)
 * and names it in its answer, header {@value #HEADER}; this filter writes it to {@link EndedSessions} before the
 * answer leaves (so the candidate's next call already finds it), removes the header, and refuses every candidate
 * token whose {@code sid} is there with 401 {@code SESSION_ENDED}. Other sessions of the same candidate (another
 * browser, a phone) have another {@code sid} and go on.
 * <p>
 * Runs after Spring Security's chain (order -100): only a verified token's {@code sid} is looked up, and before the
 * rate limits (-50), so a refused token costs no bucket. Like the rate limits it fails open: Redis failing or slower
 * than {@code check-timeout} lets the request through, and an ended session that could not be written is logged; the
 * token then lives out its 15 minutes as before. The services behind the gateway are not reachable from outside, so
 * the check is made here only.
 */
class EndedSessionFilter implements WebFilter, Ordered {

    /** Between Spring Security's WebFilterChainProxy (-100) and the rate limits (-50). */
    static final int ORDER = -75;

    /** account-service's answer names the sessions it ended, comma-separated; only it is believed. */
    static final String HEADER = "Baokao-Session-Ended";

    private static final Logger log = LoggerFactory.getLogger(EndedSessionFilter.class);
    private static final String CANDIDATE_ROLE = "ROLE_" + Roles.CANDIDATE;
    private static final String ACCOUNT_SERVICE = "/api/accounts/";
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final EndedSessions sessions;
    private final EndedSessionProperties properties;
    private final Counter refused;
    private final Counter failedOpen;

    EndedSessionFilter(EndedSessions sessions, EndedSessionProperties properties, MeterRegistry registry) {
        this.sessions = sessions;
        this.properties = properties;
        this.refused = registry.counter("baokao_gateway_ended_session_refused");
        this.failedOpen = registry.counter("baokao_gateway_ended_session_failed_open");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RequestPaths.decoded(exchange.getRequest());
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (path.startsWith(ACCOUNT_SERVICE)) {
            response.beforeCommit(() -> recordEnded(response));
        } else {
            response.beforeCommit(() -> Mono.fromRunnable(() -> response.getHeaders().remove(HEADER)));
        }
        return exchange.getPrincipal()
                .mapNotNull(EndedSessionFilter::candidateSessionOf)
                .flatMap(this::isEnded)
                .defaultIfEmpty(false)
                .flatMap(ended -> ended ? refuse(exchange) : chain.filter(exchange));
    }

    private Mono<Boolean> isEnded(String sessionId) {
        return sessions.isEnded(sessionId)
                .timeout(properties.checkTimeout())
                .onErrorResume(failure -> {
                    failedOpen.increment();
                    log.debug("Ended sessions not checked (let through): {}", failure.toString());
                    return Mono.just(false);
                });
    }

    /** Writes the sessions account-service ended before its answer goes out, and keeps the header to ourselves. */
    private Mono<Void> recordEnded(ServerHttpResponse response) {
        List<String> named = response.getHeaders().getValuesAsList(HEADER);
        response.getHeaders().remove(HEADER);
        return Flux.fromIterable(named)
                .filter(sessionId -> SESSION_ID.matcher(sessionId).matches())
                .flatMap(sessionId -> sessions.end(sessionId)
                        .timeout(properties.recordTimeout())
                        .onErrorResume(failure -> {
                            log.warn("Ended session {} could not be remembered; its access tokens stay valid until "
                                    + "they expire: {}", sessionId, failure.toString());
                            return Mono.just(false);
                        }))
                .then();
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        refused.increment();
        return ProblemWriter.write(exchange, sessionEnded());
    }

    static ProblemDetail sessionEnded() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "SESSION_ENDED", "登录已失效，请重新登录");
    }

    /** The session of a verified candidate token; null for any other caller or a token without one. */
    static String candidateSessionOf(Principal principal) {
        if (!(principal instanceof JwtAuthenticationToken authentication)
                || authentication.getAuthorities().stream().noneMatch(a -> CANDIDATE_ROLE.equals(a.getAuthority()))) {
            return null;
        }
        Jwt token = authentication.getToken();
        return token.getClaimAsString("sid");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
