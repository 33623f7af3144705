package org.baokao.gateway.web;

import java.util.List;

import org.baokao.gateway.bureau.BureauPrefixFilter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Serves the candidate UI and the operator console (module {@code web}, packaged under {@code static/}: {@code
 * index.html}, and {@code console.html} for every address under {@code /console/}): the UI routes in the browser
 * (history mode), so a page address such as {@code /sd/wizard/payment}, the phone's {@code /sh/capture/TOKEN} or the
 * bureau choice at {@code /}, opened or reloaded, must answer {@code index.html}: the UI reads the bureau from the
 * first segment of the address itself (BUR-1). Only browser page loads are rewritten (GET asking for HTML, no file
 * extension, not an API path): an API client still gets its problem-details 404. Runs after
 * {@link BureauPrefixFilter}, so a bureau's API call ({@code /sd/api/...}) is already an API path here.
 * <p>
 * Built files under {@code /assets/} carry a content hash in their names and are cached for a year; the page
 * itself is revalidated every time, so a new release reaches candidates at their next load.
 */
@Component
@Order(BureauPrefixFilter.ORDER + 1)
class SinglePageAppFilter implements WebFilter {

    static final String CONSOLE = "/console";

    private static final List<String> NOT_PAGES = List.of("/api/", "/open-api/", "/actuator", "/fallback/",
            "/.well-known/");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/assets/")) {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().setCacheControl("public, max-age=31536000, immutable");
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
        if (!isPageLoad(request, path)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().setCacheControl("no-cache");
            return Mono.empty();
        });
        PageLoad.remember(exchange, path);
        ServerHttpRequest page = request.mutate().path(pageOf(path)).build();
        return chain.filter(exchange.mutate().request(page).build());
    }

    /** The operator console (OPS-3) is a page of its own (web's console.html); every other address the candidates'. */
    static String pageOf(String path) {
        return path.equals(CONSOLE) || path.startsWith(CONSOLE + "/") ? "/console.html" : "/index.html";
    }

    private static boolean isPageLoad(ServerHttpRequest request, String path) {
        if (!(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return false;
        }
        if (NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (lastSegment.contains(".")) {
            return false; // a file: served as is, or 404
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return path.equals("/") || accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML)
                && !type.isWildcardType());
    }
}
