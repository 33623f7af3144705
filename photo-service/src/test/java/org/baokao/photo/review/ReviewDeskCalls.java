package org.baokao.photo.review;

import java.net.http.HttpRequest;
import java.util.Map;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;

/**
 * The review desk's API as the console calls it (OPS-3): at one bureau's address (the gateway's {@code /sh/api/...}
 * becomes the header {@link BureauAddress#HEADER}), with a person's operator token bound to that bureau.
 */
public final class ReviewDeskCalls {

    public static final String PATH = "/api/photos/operations/manual-reviews";

    private final HttpProbe http;

    public ReviewDeskCalls(int port) {
        this.http = HttpProbe.onLocalPort(port);
    }

    /** A person's token of {@code bureau}: roles beside {@code operator}, a university for a reviewer. */
    public static String operator(String name, String bureau, String university, String... roles) {
        return TestServers.issuer().operatorToken(name, bureau,
                university == null ? Map.of() : Map.of("university", university), roles);
    }

    public static String reviewer(String name, String university) {
        return operator(name, "sh", university, "university-reviewer");
    }

    public static String admin(String name, String bureau) {
        return operator(name, bureau, null, "bureau-admin");
    }

    public HttpProbe.Answer get(String bureau, String path, String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }

    public HttpProbe.Answer claim(String bureau, String reviewId, String token) {
        return http.send(http.request(PATH + "/" + reviewId + "/claim").header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpProbe.Answer release(String bureau, String reviewId, String token) {
        return http.send(http.request(PATH + "/" + reviewId + "/claim").header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).DELETE());
    }

    public HttpProbe.Answer decide(String bureau, String reviewId, String token, String json) {
        return http.send(http.request(PATH + "/" + reviewId + "/decision").header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Claims and decides as one reviewer does at the desk; answers the decision. */
    public HttpProbe.Answer claimAndDecide(String bureau, String reviewId, String token, String json) {
        HttpProbe.Answer claimed = claim(bureau, reviewId, token);
        if (claimed.status() != 200) {
            return claimed;
        }
        return decide(bureau, reviewId, token, json);
    }
}
