package org.baokao.gateway.waitingroom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.baokao.gateway.bureau.BureauPrefixFilter;
import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.gateway.web.PageLoad;
import org.baokao.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * GW-2 at the door. Guards what starts or continues a candidate's journey: a page load of the candidate UI and a
 * call to {@code /api/**}. Everything else passes untouched: the UI's files, the operator console, the partner API
 * ({@code /open-api/**}, partners have their own quotas), the actuator, the room's own status endpoint, and the
 * exempt paths and pages (the banks' callbacks, the phone's capture link and page).
 * <p>
 * A guarded request that must wait is answered here: a page load gets the waiting page (200, it refreshes itself
 * and reloads the address once admitted), an API call 429 {@code QUEUED} with {@code Retry-After}, its position and
 * the estimate. Never a 5xx.
 * <p>
 * Runs after {@code SinglePageAppFilter} (which marks page loads) and before the edge security.
 */
final class WaitingRoomFilter implements WebFilter, Ordered {

    /** After BureauPrefixFilter and SinglePageAppFilter, long before Spring Security's chain (-100). */
    static final int ORDER = BureauPrefixFilter.ORDER + 2;

    private enum Guarded { PAGE, API }

    private final WaitingRoomGate gate;
    private final InFlightLoad load;
    private final WaitingPage page;
    private final List<PathPattern> exemptPaths;
    private final List<PathPattern> exemptPages;
    private final long retryAfterSeconds;

    WaitingRoomFilter(WaitingRoomGate gate, InFlightLoad load, WaitingPage page, WaitingRoomProperties properties) {
        this.gate = gate;
        this.load = load;
        this.page = page;
        this.exemptPaths = parse(properties.exemptPaths());
        this.exemptPages = parse(properties.exemptPages());
        this.retryAfterSeconds = Math.max(1, properties.pollInterval().toSeconds());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!gate.isActive()) {
            return chain.filter(exchange);
        }
        Optional<Guarded> guarded = guarded(exchange);
        if (guarded.isEmpty()) {
            return chain.filter(exchange);
        }
        boolean call = guarded.get() == Guarded.API;
        return gate.judge(exchange, call).flatMap(verdict -> switch (verdict) {
            case Verdict.Pass pass -> call ? onItsWay(exchange, chain, pass) : chain.filter(exchange);
            case Verdict.Wait waiting -> guarded.get() == Guarded.PAGE
                    ? waitingPage(exchange, waiting)
                    : queued(exchange, waiting);
        });
    }

    /**
     * An API call let through counts as load from here on (see {@link InFlightLoad#pending()}); a new caller let in
     * at once already took its place when it was let in.
     */
    private Mono<Void> onItsWay(ServerWebExchange exchange, WebFilterChain chain, Verdict.Pass pass) {
        InFlightLoad.Pending pending = pass.reserved() != null ? pass.reserved() : load.pending();
        exchange.getAttributes().put(InFlightCountingFilter.PENDING, pending);
        return chain.filter(exchange).doFinally(signal -> pending.settle());
    }

    private Optional<Guarded> guarded(ServerWebExchange exchange) {
        Optional<String> pageAddress = PageLoad.address(exchange);
        if (pageAddress.isPresent()) {
            return matchesAny(exemptPages, pageAddress.get()) ? Optional.empty() : Optional.of(Guarded.PAGE);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") && !matchesAny(exemptPaths, path)) {
            return Optional.of(Guarded.API);
        }
        return Optional.empty();
    }

    private Mono<Void> waitingPage(ServerWebExchange exchange, Verdict.Wait waiting) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        // after the page filter's own no-cache: the waiting page must never be shown again from a cache
        response.beforeCommit(() -> {
            response.getHeaders().setCacheControl("no-store");
            return Mono.empty();
        });
        byte[] html = page.render(waiting.ahead(), waiting.minutes());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html)));
    }

    private Mono<Void> queued(ServerWebExchange exchange, Verdict.Wait waiting) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "QUEUED",
                QueueMessage.of(waiting.ahead(), waiting.minutes()));
        problem.setProperty("position", waiting.ahead());
        problem.setProperty("estimatedMinutes",
                waiting.minutes().isPresent() ? waiting.minutes().getAsInt() : null);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return ProblemWriter.write(exchange, problem);
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean matchesAny(List<PathPattern> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(pattern -> pattern.matches(container));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
