package org.baokao.photo.photo;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestServers;

/** Multipart photo uploads as a browser sends them, with a candidate's token. */
final class PhotoUploads {

    private final HttpProbe http;

    PhotoUploads(int port) {
        this.http = HttpProbe.onLocalPort(port);
    }

    static String token(UUID candidate) {
        return TestServers.issuer().token(candidate.toString(), "candidate");
    }

    HttpProbe.Answer upload(UUID candidate, String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(http.request("/api/photos").expectContinue(true)
                .header("Authorization", "Bearer " + token(candidate))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    HttpProbe.Answer submit(UUID candidate, String photoId) {
        return http.send(http.request("/api/photos/" + photoId + "/submit")
                .header("Authorization", "Bearer " + token(candidate))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpProbe.Answer get(UUID candidate, String path) {
        return http.get(path, token(candidate));
    }
}
