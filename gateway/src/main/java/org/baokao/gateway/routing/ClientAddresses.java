package org.baokao.gateway.routing;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who the client of a request is, decided by the gateway alone and in one place: the services' per-address caps
 * (ACC-5, ACC-6, through {@link ClientAddressFilter}) and the gateway's own rate limits (GW-1) both rest on it.
 * <p>
 * The client is the peer that opened the connection, unless that peer is a trusted proxy (the load balancer in
 * front of the gateway; loopback on the local stack, so load tests can pose as many clients) that names a client
 * in {@code X-Forwarded-For}: then it is the last address of that header, the one the trusted proxy appended
 * itself. Addresses before it were written by whoever called the proxy and prove nothing. Anyone else is known by
 * their own address whatever they send, so nobody escapes a limit by inventing addresses.
 */
@Component
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    /** An IPv4 or IPv6 literal, roughly: enough to refuse a host name or garbage a misconfigured proxy sends. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Pattern trustedProxies;

    public ClientAddresses(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies}") String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies);
    }

    /** The client's address, or null when the connection's peer is unknown (never on a real connection). */
    public String clientOf(ServerHttpRequest request) {
        String peer = peerOf(request);
        if (peer == null || !trustedProxies.matcher(peer).matches()) {
            return peer;
        }
        String named = lastEntry(request.getHeaders().getFirst(X_FORWARDED_FOR));
        return named != null && ADDRESS_LITERAL.matcher(named).matches() ? named : peer;
    }

    private static String lastEntry(String forwardedFor) {
        if (forwardedFor == null) {
            return null;
        }
        String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? null : last;
    }

    private static String peerOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return null;
        }
        return remote.getAddress().getHostAddress();
    }
}
