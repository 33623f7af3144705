package org.baokao.account.existing;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;

import tools.jackson.databind.JsonNode;

/** The operators' 在籍考生 import API at a bureau's address, as the gateway passes it on (Baokao-Bureau). */
final class ExistingApi {

    static final String IMPORTS = "/api/accounts/operations/existing-candidates/imports";

    private final HttpProbe http;
    private final String bureau;
    private final String token;

    ExistingApi(int port, String bureau) {
        this(port, bureau, TestServers.issuer().token("op-existing", "operator", "bureau-admin"));
    }

    ExistingApi(int port, String bureau, String token) {
        this.http = HttpProbe.onLocalPort(port);
        this.bureau = bureau;
        this.token = token;
    }

    HttpProbe.Answer upload(String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http.send(authorized(http.request(IMPORTS).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    HttpProbe.Answer get(String path) {
        return http.send(authorized(http.request(path).GET()));
    }

    /** Uploads and waits for the job to end; fails the test unless the upload was accepted. */
    JsonNode importAndWait(String fileName, byte[] content) {
        HttpProbe.Answer accepted = upload(fileName, content);
        if (accepted.status() != 202) {
            throw new AssertionError("upload refused: " + accepted.status() + " " + accepted.body());
        }
        String importId = accepted.json().path("importId").asString();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            JsonNode progress = get(IMPORTS + "/" + importId).json();
            String status = progress.path("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return progress;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + importId + " not finished: " + progress);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        if (bureau != null) {
            request.header(BureauAddress.HEADER, bureau);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
