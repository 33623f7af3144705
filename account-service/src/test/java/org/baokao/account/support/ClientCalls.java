package org.baokao.account.support;

import java.net.http.HttpRequest;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.HttpProbe;

/**
 * JSON calls as browsers make them, each from its own client address (X-Forwarded-For, trusted from a
 * local proxy), so per-client limits of one test do not spill into another.
 */
public final class ClientCalls {

    private ClientCalls() {
    }

    public static HttpProbe.Answer post(int port, String path, String json) {
        return post(port, path, json, null);
    }

    public static HttpProbe.Answer post(int port, String path, String json, String bearerToken) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .header("X-Forwarded-For", randomClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request);
    }

    public static String randomClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 250) + "." + random.nextInt(250) + "." + random.nextInt(1, 250);
    }
}
