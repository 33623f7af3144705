package org.baokao.gateway.apidocs;

import org.baokao.gateway.bureau.BureauPrefixFilter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The partners' API page (API-1): {@code GET /open-api/v1/docs} answers the web module's {@code open-api-docs.html}
 * (a Chinese introduction and Swagger UI, which loads the public document {@code /open-api/v1/openapi.json}), with no
 * token: partners read it before they have one. Every other {@code /open-api/v1} address stays the partners' API,
 * routed to enrollment-service with role partner required. Runs before security and routing, which then see the
 * page's file, as for the candidates' and operators' pages ({@code SinglePageAppFilter}).
 */
@Component
@Order(BureauPrefixFilter.ORDER + 1)
class PartnerDocsPage implements WebFilter {

    static final String ADDRESS = "/open-api/v1/docs";
    static final String PAGE = "/open-api-docs.html";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || !ADDRESS.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().setCacheControl("no-cache");
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request.mutate().path(PAGE).build()).build());
    }
}
