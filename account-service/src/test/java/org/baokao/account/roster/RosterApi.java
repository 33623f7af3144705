package org.baokao.account.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;

import tools.jackson.databind.JsonNode;

/** The operator's roster API as a browser would call it: multipart uploads, progress polling, error reports. */
public final class RosterApi {

    private final int port;
    private final HttpProbe http;
    private final String token;

    public RosterApi(int port) {
        this(port, TestServers.issuer().token("op-roster", "operator", "bureau-admin"));
    }

    RosterApi(int port, String token) {
        this.port = port;
        this.http = HttpProbe.onLocalPort(port);
        this.token = token;
    }

    static String imports(String examCode) {
        return "/api/accounts/operations/rosters/" + examCode + "/imports";
    }

    HttpProbe.Answer upload(String examCode, String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post(examCode, "multipart/form-data; boundary=" + boundary, body);
    }

    HttpProbe.Answer post(String examCode, String contentType, byte[] body) {
        HttpRequest.Builder request = http.request(imports(examCode))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    HttpProbe.Answer get(String path) {
        return token == null ? http.get(path) : http.get(path, token);
    }

    /** Uploads and waits for the job to end; fails the test unless the upload was accepted. */
    public JsonNode importAndWait(String examCode, String fileName, byte[] content) {
        HttpProbe.Answer accepted = upload(examCode, fileName, content);
        if (accepted.status() != 202) {
            throw new AssertionError("upload refused: " + accepted.status() + " " + accepted.body());
        }
        return awaitEnd(examCode, accepted.json().path("importId").asString(), Duration.ofSeconds(60));
    }

    JsonNode awaitEnd(String examCode, String importId, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode progress = get(imports(examCode) + "/" + importId).json();
            String status = progress.path("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return progress;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + importId + " not finished after " + patience + ": " + progress);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The raw bytes of a download (to see the BOM). */
    HttpResponse<byte[]> download(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
