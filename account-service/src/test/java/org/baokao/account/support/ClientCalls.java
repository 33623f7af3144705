package org.baokao.account.support;

import java.net.http.HttpRequest;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.HttpProbe;
import org.baokao.web.bureau.BureauAddress;

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
        return postTo(null, port, path, json, bearerToken);
    }

    /**
     * A call addressed to {@code bureau} (BUR-1) as the gateway passes it on ({@code Baokao-Bureau}); null for an
     * unprefixed call, which the default bureau answers.
     */
    public static HttpProbe.Answer postTo(String bureau, int port, String path, String json, String bearerToken) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .header("X-Forwarded-For", randomClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bureau != null) {
            request.header(BureauAddress.HEADER, bureau);
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request);
    }

    /** A GET addressed to {@code bureau} (null: unprefixed), with a token if one is given. */
    public static HttpProbe.Answer getAt(String bureau, int port, String path, String bearerToken) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        HttpRequest.Builder request = http.request(path).GET();
        if (bureau != null) {
            request.header(BureauAddress.HEADER, bureau);
        }
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
