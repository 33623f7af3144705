package org.baokao.gateway.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmarks' crowd of candidates already inside the site: each request comes from a random address of
 * 198.18.0.0/15 (RFC 2544's benchmarking range, never a real client), named in {@code X-Forwarded-For}, which the
 * gateway believes from loopback (its trusted proxies), and carries a waiting-room admission pass ({@code Cookie}).
 * <ul>
 * <li>Many addresses: 131072 of them. At the gateway's 600 calls a minute per anonymous address, a generator would
 * need over a million calls a second before one address met its limit; one address would meet it in a second.
 * <li>The pass: a request without one is a new session to the waiting room, and a generator that drops the cookies
 * it is given makes every request a new session; a line, once formed, would never move (nobody in it asks for its
 * turn). Candidates in a journey hold a pass, and checking it (an HMAC per request) is part of the cost measured.
 * </ul>
 * The same headers go straight to the service too, so both ways carry the same bytes.
 */
record ManyClients(String cookie) {

    static final String ADDRESS_HEADER = "X-Forwarded-For";
    static final int COUNT = 1 << 17;
    /** The address of number n in [0, COUNT) as a Lua {@code string.format} pattern and its arguments. */
    static final String LUA_FORMAT = "198.%d.%d.%d";
    static final String LUA_ARGUMENTS = "18 + math.floor(n / 65536), math.floor(n / 256) % 256, n % 256";

    static String randomAddress() {
        int n = ThreadLocalRandom.current().nextInt(COUNT);
        return "198.%d.%d.%d".formatted(18 + (n >>> 16), (n >>> 8) & 0xff, n & 0xff);
    }
}
