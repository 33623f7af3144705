package org.baokao.gateway.ratelimit;

/**
 * One request as the rate limits see it: its path (without a bureau's prefix, percent-escapes decoded), the client
 * address the gateway decided, and who called.
 */
public record Call(String path, String clientAddress, Caller caller) {
}
