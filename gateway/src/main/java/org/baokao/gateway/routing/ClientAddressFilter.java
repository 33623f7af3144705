package org.baokao.gateway.routing;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Services limit SMS codes and login attempts per client address (ACC-5, ACC-6) and read that address from
 * {@code X-Forwarded-For}, because every request reaches them through the gateway. So the gateway alone decides
 * that header: a caller's own {@code X-Forwarded-For} is believed only when the caller is a trusted proxy (the
 * load balancer in front of the gateway; loopback on the local stack, so load tests can pose as many clients).
 * Anyone else gets exactly their own address, so nobody escapes a limit by inventing addresses.
 */
@Component
class ClientAddressFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String[] PROXY_HEADERS = { X_FORWARDED_FOR, "Forwarded", "X-Real-IP" };

    private final Pattern trustedProxies;

    ClientAddressFilter(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies}") String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String peer = peerAddress(request);
        // the caller's own header, not one a filter before this one may already have rewritten
        String forwardedFor = request.getHeaders().getFirst(X_FORWARDED_FOR);
        boolean believed = peer != null && forwardedFor != null && !forwardedFor.isBlank()
                && trustedProxies.matcher(peer).matches();
        HttpHeaders output = new HttpHeaders();
        output.putAll(input);
        for (String header : PROXY_HEADERS) {
            output.remove(header);
        }
        if (peer != null) {
            output.set(X_FORWARDED_FOR, believed ? forwardedFor + ", " + peer : peer);
        }
        return output;
    }

    private static String peerAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return null;
        }
        return remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        // after the built-in header filters, so what it sets is what the service gets
        return Ordered.LOWEST_PRECEDENCE;
    }
}
