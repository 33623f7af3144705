package org.baokao.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an attacker sends to the endpoint kinds of every service, against a real Tomcat (MockMvc would skip the
 * container's own body parsing, which is where these requests used to end in a 500): each is refused with a 4xx
 * problem carrying a stable {@code code} and a Chinese {@code detail}, and no endpoint runs. Limits are small
 * here: 64 KB for ordinary bodies, 1 MB for multipart.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.banner-mode=off",
                "baokao.security.public-paths=/api/edge/public/**",
                // never asked: nothing here presents a token
                "baokao.security.issuers[0].issuer=http://127.0.0.1:9/issuer",
                "baokao.security.issuers[0].jwk-set-uri=http://127.0.0.1:9/issuer/jwks",
                "baokao.web.max-body-size=64KB",
                "spring.servlet.multipart.max-file-size=1MB",
                "spring.servlet.multipart.max-request-size=1MB" })
class EdgeRefusalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOUNDARY = "----edge-test-boundary";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    private int completedBefore;

    @BeforeEach
    void countCompletedCalls() {
        completedBefore = EdgeTestApplication.completed.get();
    }

    // --- malformed multipart ---------------------------------------------------------------------------------

    @Test
    void multipartWithoutABoundaryIsAMalformedRequest() {
        Answer answer = post("/api/edge/public/photo", "multipart/form-data", photoPart("photo", 100));

        assertRefused(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void aBoundaryFollowedByGarbageIsAMalformedRequest() {
        byte[] garbage = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                + "\u0000\u0001garbage without the end of the part headers or a closing boundary")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(post("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY, garbage), 400,
                "MALFORMED_REQUEST");
    }

    @Test
    void aMultipartBodyWithoutAnyPartLacksTheExpectedPart() {
        Answer answer = post("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY,
                "this is not multipart at all".getBytes(StandardCharsets.UTF_8));

        assertRefused(answer, 400, "MISSING_PART");
    }

    @Test
    void aTruncatedMultipartBodyIsAMalformedRequest() {
        byte[] whole = photoPart("photo", 5000);
        Answer answer = post("/api/edge/public/proofs", "multipart/form-data; boundary=" + BOUNDARY,
                Arrays.copyOf(whole, whole.length - 200));

        assertRefused(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void jsonOrTextSentToAnUploadIsAnUnsupportedMediaType() {
        assertRefused(post("/api/edge/public/photo", "application/json", "{\"photo\":\"x\"}".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post("/api/edge/public/photo", "text/plain", "photo".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(post("/api/edge/public/proofs", "application/json", "{}".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void multipartWithoutTheExpectedPartNamesThePart() {
        Answer answer = post("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY,
                photoPart("picture", 100));

        assertRefused(answer, 400, "MISSING_PART");
        assertThat(answer.json().path("part").asString()).isEqualTo("photo");
    }

    @Test
    void aWellFormedUploadStillWorksAboveTheOrdinaryBodyLimit() {
        Answer fixed = post("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY,
                photoPart("photo", 500_000));
        Answer chunked = postChunked("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY,
                photoPart("photo", 500_000));

        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(200);
    }

    @Test
    void aChunkedUploadOverTheMultipartLimitIsTooLarge() {
        Answer answer = postChunked("/api/edge/public/photo", "multipart/form-data; boundary=" + BOUNDARY,
                photoPart("photo", 1_500_000));

        assertRefused(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    // --- forms -----------------------------------------------------------------------------------------------

    @Test
    void aFormWithThousandsOfFieldsIsRefused() {
        StringBuilder form = new StringBuilder("amount=100");
        for (int i = 0; i < 5000; i++) {
            form.append("&f").append(i).append("=1");
        }
        assertThat(form.length()).as("under the body limit: the count is what is refused").isLessThan(64 * 1024);

        Answer answer = post("/api/edge/public/notify", "application/x-www-form-urlencoded",
                form.toString().getBytes(StandardCharsets.US_ASCII));

        assertRefused(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void aChunkedFormOverTheBodyLimitIsTooLarge() {
        byte[] form = ("amount=100&padding=" + "x".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);

        assertRefused(postChunked("/api/edge/public/notify", "application/x-www-form-urlencoded", form), 413,
                "PAYLOAD_TOO_LARGE");
    }

    // --- chunked bodies count against the limit ----------------------------------------------------------------

    @Test
    void aChunkedJsonBodyOverTheLimitIsTooLargeWhileTheControllerReadsIt() {
        byte[] json = ("{\"padding\":\"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.US_ASCII);

        assertRefused(postChunked("/api/edge/public/json", "application/json", json), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedStreamOverTheLimitIsTooLarge() {
        assertRefused(postChunked("/api/edge/public/stream", "application/octet-stream", new byte[1_000_000]), 413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsStillRefusedBeforeReading() {
        byte[] json = ("{\"padding\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);

        assertRefused(post("/api/edge/public/json", "application/json", json), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodiesWithinTheLimitAreReadWhole() {
        byte[] json = ("{\"padding\":\"" + "x".repeat(60_000) + "\"}").getBytes(StandardCharsets.US_ASCII);

        Answer parsed = postChunked("/api/edge/public/json", "application/json", json);
        Answer streamed = postChunked("/api/edge/public/stream", "application/octet-stream", new byte[64 * 1024]);

        assertThat(parsed.status()).as(parsed.body()).isEqualTo(200);
        assertThat(parsed.body()).isEqualTo("keys 1");
        assertThat(streamed.body()).isEqualTo("bytes " + 64 * 1024);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo(code);
        assertThat(answer.json().path("detail").asString()).as("a Chinese detail").containsPattern("\\p{IsHan}");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(EdgeTestApplication.completed.get()).as("no endpoint ran").isEqualTo(completedBefore);
    }

    private static byte[] photoPart(String name, int size) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"me.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[size]);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private Answer post(String path, String contentType, byte[] body) {
        return send(request(path, contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** No length known up front: the JDK client sends {@code Transfer-Encoding: chunked}. */
    private Answer postChunked(String path, String contentType, byte[] body) {
        return send(request(path, contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private HttpRequest.Builder request(String path, String contentType) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
