package org.baokao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Per-client limits (ACC-5, ACC-6) rest on the address the gateway forwards; callers cannot choose it. */
class ClientAddressFilterTest {

    private final ClientAddressFilter filter = new ClientAddressFilter(new ClientAddresses("10\\.0\\.0\\.1"));

    @Test
    void anUntrustedCallerIsKnownByItsOwnAddressWhateverItClaims() {
        HttpHeaders forwarded = route(MockServerHttpRequest.get("/api/accounts/public/logins")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 50000))
                .header("X-Forwarded-For", "198.18.0.1")
                .header("Forwarded", "for=198.18.0.2")
                .header("X-Real-IP", "198.18.0.3"));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(forwarded.get("Forwarded")).isNull();
        assertThat(forwarded.get("X-Real-IP")).isNull();
    }

    @Test
    void aCallerWithoutTheHeaderIsKnownByItsAddress() {
        HttpHeaders forwarded = route(MockServerHttpRequest.get("/api/accounts/public/logins")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 50000)));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void aTrustedProxyPassesItsClientOn() {
        HttpHeaders forwarded = route(MockServerHttpRequest.get("/api/accounts/public/logins")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 50000))
                .header("X-Forwarded-For", "198.18.0.1"));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("198.18.0.1");
    }

    @Test
    void behindATrustedProxyOnlyTheAddressItAppendedCounts() {
        // the client sent "X-Forwarded-For: 198.18.0.66" to the load balancer, which appended what it saw
        HttpHeaders forwarded = route(MockServerHttpRequest.get("/api/accounts/public/logins")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 50000))
                .header("X-Forwarded-For", "198.18.0.66, 203.0.113.7"));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void aTrustedProxyNamingNoAddressLeavesItsOwn() {
        HttpHeaders forwarded = route(MockServerHttpRequest.get("/api/accounts/public/logins")
                .remoteAddress(new InetSocketAddress("10.0.0.1", 50000))
                .header("X-Forwarded-For", "unknown"));

        assertThat(forwarded.get("X-Forwarded-For")).containsExactly("10.0.0.1");
    }

    private HttpHeaders route(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        return filter.filter(exchange.getRequest().getHeaders(), exchange);
    }
}
