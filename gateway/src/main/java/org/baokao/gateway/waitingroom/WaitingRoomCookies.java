package org.baokao.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The waiting room's two cookies, both signed ({@link Signer}), HttpOnly (no script of the page reads them),
 * SameSite=Lax and Secure when the candidate came over HTTPS (directly or through the load balancer):
 * {@value #PASS} (the admission pass) and {@value #TICKET} (the place in the line).
 */
final class WaitingRoomCookies {

    static final String PASS = "baokao_admission";
    static final String TICKET = "baokao_ticket";

    private final Signer signer;
    private final Duration passLifetime;
    private final Duration ticketLifetime;

    WaitingRoomCookies(Signer signer, Duration passLifetime, Duration ticketLifetime) {
        this.signer = signer;
        this.passLifetime = passLifetime;
        this.ticketLifetime = ticketLifetime;
    }

    Optional<AdmissionPass> pass(ServerHttpRequest request, Instant now) {
        return value(request, PASS).flatMap(value -> AdmissionPass.read(value, signer, now));
    }

    Optional<Ticket> ticket(ServerHttpRequest request, Instant now) {
        return value(request, TICKET).flatMap(value -> Ticket.read(value, signer, now, ticketLifetime));
    }

    boolean passWantsRenewal(AdmissionPass pass, Instant now) {
        return pass.wantsRenewal(now, passLifetime);
    }

    void givePass(ServerWebExchange exchange, Instant now) {
        set(exchange, PASS, AdmissionPass.issue(now, passLifetime).signedWith(signer), passLifetime);
    }

    void giveTicket(ServerWebExchange exchange, Ticket ticket) {
        set(exchange, TICKET, ticket.signedWith(signer), ticketLifetime);
    }

    void dropTicket(ServerWebExchange exchange) {
        set(exchange, TICKET, "", Duration.ZERO);
    }

    private static void set(ServerWebExchange exchange, String name, String value, Duration maxAge) {
        exchange.getResponse().addCookie(ResponseCookie.from(name, value)
                .path("/")
                .httpOnly(true)
                .secure(isHttps(exchange.getRequest()))
                .sameSite("Lax")
                .maxAge(maxAge)
                .build());
    }

    private static Optional<String> value(ServerHttpRequest request, String name) {
        return Optional.ofNullable(request.getCookies().getFirst(name)).map(HttpCookie::getValue)
                .filter(value -> !value.isEmpty());
    }

    /**
     * HTTPS to the gateway itself, or to the load balancer in front of it ({@code X-Forwarded-Proto}): only decides
     * the Secure flag, so a client lying about it only withholds the cookie from itself.
     */
    private static boolean isHttps(ServerHttpRequest request) {
        return "https".equalsIgnoreCase(request.getURI().getScheme())
                || "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }
}
