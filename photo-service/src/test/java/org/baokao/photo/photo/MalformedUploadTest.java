package org.baokao.photo.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.RawHttp;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploads sent wrong on purpose, byte by byte on a socket (a client library would not send them): a multipart type
 * without a boundary, a boundary followed by garbage, a body cut short, JSON instead of multipart, no file part,
 * and an endless chunked upload. Each is a 4xx problem with a stable code and a Chinese detail, never a 500, and
 * changes nothing: no photo stored, the capture link (which needs no login) not spent.
 */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class MalformedUploadTest {

    private static final String BOUNDARY = "----baokao-malformed";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCaptureLinkRefusesMalformedUploadsWithoutLoginAndStaysUsable() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String url = api.postJson("/api/photos/capture-sessions", PhotoUploads.token(candidate), "{}").json()
                .path("captureUrl").asString();
        String link = "/api/photos/public/capture/" + url.replaceAll(".*/capture/([^/]+)$", "$1");
        RawHttp phone = RawHttp.onLocalPort(port);
        byte[] photo = TestPhotos.portraitJpeg(600, 91);

        assertRefused(phone.post(link, Map.of("Content-Type", "multipart/form-data"), part("photo", photo)), 400,
                "MALFORMED_REQUEST");
        assertRefused(phone.post(link, multipart(), garbageAfterTheBoundary()), 400, "MALFORMED_REQUEST");
        byte[] whole = part("photo", photo);
        assertRefused(phone.post(link, multipart(), Arrays.copyOf(whole, whole.length / 2)), 400, "MALFORMED_REQUEST");
        assertRefused(phone.post(link, Map.of("Content-Type", "application/json"),
                "{\"photo\":\"/9j/4AAQ\"}".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE");
        HttpProbe.Answer noPhoto = phone.post(link, multipart(), part("picture", photo));
        assertRefused(noPhoto, 400, "MISSING_PART");
        assertThat(noPhoto.json().path("part").asString()).isEqualTo("photo");

        assertThat(HttpProbe.onLocalPort(port).get(link).json().path("status").asString()).isEqualTo("OPEN");
        assertThat(photos(candidate)).isZero();
        assertThat(phone.post(link, multipart(), part("photo", photo)).status()).as("the link still works")
                .isEqualTo(201);
    }

    @Test
    void theDesktopUploadAndProofsRefuseMalformedUploads() {
        UUID candidate = UUID.randomUUID();
        RawHttp http = RawHttp.onLocalPort(port);
        String bearer = "Bearer " + PhotoUploads.token(candidate);
        byte[] photo = TestPhotos.portraitJpeg(600, 92);

        assertRefused(http.post("/api/photos", Map.of("Content-Type", "multipart/form-data", "Authorization", bearer),
                part("photo", photo)), 400, "MALFORMED_REQUEST");
        assertRefused(http.post("/api/photos", Map.of("Content-Type", "text/plain", "Authorization", bearer),
                photo), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(http.post("/api/photos/manual-reviews/proofs?kind=ID_CARD_FRONT", Map.of("Content-Type",
                "multipart/form-data; boundary=" + BOUNDARY, "Authorization", bearer), part("photo", photo)), 400,
                "MISSING_PART");

        assertThat(photos(candidate)).isZero();
    }

    /** Chunked, so no Content-Length to refuse up front: the multipart limit (13 MB) counts what is read. */
    @Test
    void anEndlessChunkedUploadStopsAtTheMultipartLimit() {
        UUID candidate = UUID.randomUUID();
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);

        HttpProbe.Answer answer = RawHttp.onLocalPort(port).postChunked("/api/photos", Map.of("Content-Type",
                "multipart/form-data; boundary=" + BOUNDARY, "Authorization", "Bearer " + PhotoUploads.token(candidate)),
                head, 14L * 1024 * 1024, (byte) 0);

        assertRefused(answer, 413, "PAYLOAD_TOO_LARGE");
        assertThat(photos(candidate)).isZero();
    }

    private static void assertRefused(HttpProbe.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().path("detail").asString()).containsPattern("\\p{IsHan}");
    }

    private long photos(UUID candidate) {
        return jdbc.sql("select count(*) from photo where candidate_id = ?").param(candidate).query(Long.class)
                .single();
    }

    private static Map<String, String> multipart() {
        return Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] part(String name, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"me.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] garbageAfterTheBoundary() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                + "\u0000\u0001garbage, no end of the part headers, no closing boundary").getBytes(StandardCharsets.UTF_8);
    }
}
