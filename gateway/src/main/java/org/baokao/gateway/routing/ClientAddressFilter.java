package org.baokao.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Services limit SMS codes and login attempts per client address (ACC-5, ACC-6) and read that address from
 * {@code X-Forwarded-For}, because every request reaches them through the gateway, the only caller whose
 * {@code X-Forwarded-For} they believe (server.tomcat.remoteip.internal-proxies, baokao-service-defaults.yml).
 * So the gateway alone decides that header: it carries exactly the one client address {@link ClientAddresses}
 * decided, and every other proxy header the caller sent is dropped.
 */
@Component
class ClientAddressFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = ClientAddresses.X_FORWARDED_FOR;
    private static final String[] PROXY_HEADERS = { X_FORWARDED_FOR, "Forwarded", "X-Real-IP" };

    private final ClientAddresses clients;

    ClientAddressFilter(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String client = clients.clientOf(exchange.getRequest());
        HttpHeaders output = new HttpHeaders();
        output.putAll(input);
        for (String header : PROXY_HEADERS) {
            output.remove(header);
        }
        if (client != null) {
            output.set(X_FORWARDED_FOR, client);
        }
        return output;
    }

    @Override
    public int getOrder() {
        // after the built-in header filters, so what it sets is what the service gets
        return Ordered.LOWEST_PRECEDENCE;
    }
}
