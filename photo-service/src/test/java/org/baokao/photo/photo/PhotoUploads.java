package org.baokao.photo.photo;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;

/** Multipart photo uploads as a browser sends them, with a candidate's token. */
public final class PhotoUploads {

    /** Test classes that do not run comparisons share one application context that runs no jobs. */
    public static final String NO_WORKER = "baokao.jobs.enabled=false";

    /**
     * Test classes that run comparisons against the sandbox share one context with these: a fast worker, short
     * backoffs and a breaker that rests briefly, so an outage and its end fit in a test.
     */
    public static final String FAST_WORKER_1 = "baokao.jobs.poll-interval=200ms";
    public static final String FAST_WORKER_2 = "baokao.photo.identity.first-backoff=200ms";
    public static final String FAST_WORKER_3 = "baokao.photo.identity.max-backoff=1s";
    public static final String FAST_WORKER_4 = "resilience4j.circuitbreaker.instances.identity-provider.wait-duration-in-open-state=1s";

    private final HttpProbe http;

    public PhotoUploads(int port) {
        this.http = HttpProbe.onLocalPort(port);
    }

    public static String token(UUID candidate) {
        return TestServers.issuer().token(candidate.toString(), "candidate");
    }

    public HttpProbe.Answer upload(UUID candidate, String fileName, byte[] content) {
        return multipart("/api/photos", token(candidate), "photo", fileName, content);
    }

    /** A multipart POST with one file part; {@code bearer} may be null (public capture links). */
    public HttpProbe.Answer multipart(String path, String bearer, String part, String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = http.request(path).expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request);
    }

    public HttpProbe.Answer postJson(String path, String bearer, String json) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request);
    }

    public HttpProbe.Answer submit(UUID candidate, String photoId) {
        return http.send(http.request("/api/photos/" + photoId + "/submit")
                .header("Authorization", "Bearer " + token(candidate))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpProbe.Answer get(UUID candidate, String path) {
        return http.get(path, token(candidate));
    }
}
