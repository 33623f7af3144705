package org.baokao.gateway.waitingroom;

import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Reads the visitor of a guarded request from its cookies and headers, asks the {@link WaitingRoom}, and puts the
 * cookies the verdict calls for on the answer: a pass for a session let in (renewed once half its life is gone,
 * and given to a logged-in candidate who has none, so a later page load of theirs is not mistaken for a new
 * session), a ticket for a new place in the line, none once the ticket is spent.
 */
final class WaitingRoomGate {

    private final WaitingRoom room;
    private final WaitingRoomCookies cookies;

    WaitingRoomGate(WaitingRoom room, WaitingRoomCookies cookies) {
        this.room = room;
        this.cookies = cookies;
    }

    boolean isActive() {
        return room.isActive();
    }

    /** {@code call}: an API call, not a page load. */
    Mono<Verdict> judge(ServerWebExchange exchange, boolean call) {
        ServerHttpRequest request = exchange.getRequest();
        Instant now = room.now();
        Optional<AdmissionPass> pass = cookies.pass(request, now);
        boolean bearer = hasBearerToken(request);
        Optional<Ticket> ticket = pass.isPresent() || bearer ? Optional.empty() : cookies.ticket(request, now);
        return room.admit(new Visitor(pass.isPresent(), bearer, ticket), call).doOnNext(verdict -> {
            switch (verdict) {
                case Verdict.Pass admitted -> {
                    boolean renew = pass.map(held -> cookies.passWantsRenewal(held, now)).orElse(bearer);
                    if (admitted.newPass() || renew) {
                        cookies.givePass(exchange, now);
                    }
                    if (admitted.spentTicket()) {
                        cookies.dropTicket(exchange);
                    }
                }
                case Verdict.Wait waiting -> {
                    if (waiting.newTicket()) {
                        cookies.giveTicket(exchange, waiting.ticket());
                    }
                }
            }
        });
    }

    /**
     * A bearer token is taken at its word here: the edge security right after this filter refuses an invalid one
     * (401) on every path before anything is routed, so a made-up token skips the line only to be turned away.
     */
    private static boolean hasBearerToken(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
