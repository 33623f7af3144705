package org.baokao.gateway.web;

import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * A browser's page load that {@link SinglePageAppFilter} answers with a page of the UI: the address the browser
 * asked for (after the bureau's API prefix was handled, e.g. {@code /sd/wizard/payment}), kept for the filters
 * after it, which only see {@code /index.html} or {@code /console.html}. The waiting room (GW-2) reads it.
 */
public final class PageLoad {

    private static final String ADDRESS = PageLoad.class.getName() + ".address";

    private PageLoad() {
    }

    static void remember(ServerWebExchange exchange, String address) {
        exchange.getAttributes().put(ADDRESS, address);
    }

    /** The address of the page the browser is loading; empty when the request is not a page load. */
    public static Optional<String> address(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ADDRESS));
    }
}
