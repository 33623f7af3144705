package org.baokao.photo.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** PHO-1: QR capture sessions, single-use links, phone upload, desktop long poll; real PostgreSQL and S3. */
@ServiceTest(s3 = true)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class CaptureSessionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pho1_thePhoneUploadsThroughTheQrLinkAndTheWaitingDesktopLearnsOfItWithoutReloading() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String bearer = PhotoUploads.token(candidate);

        var opened = api.postJson("/api/photos/capture-sessions", bearer, "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String sessionId = opened.json().path("sessionId").asString();
        String url = opened.json().path("captureUrl").asString();
        // the QR code encodes exactly the capture link
        assertThat(decodeQr(opened.json().path("qrPng").asString())).isEqualTo(url);
        assertThat(url).as("the phone page of the web UI, under the default bureau for a token naming none")
                .matches("http://localhost:8080/sd/capture/[^/]+");
        String token = url.replaceAll(".*/capture/([^/]+)$", "$1");
        assertThat(jdbc.sql("select count(*) from capture_session where token_hash like ?").param("%" + token + "%")
                .query(Long.class).single()).as("the token itself is never stored").isZero();

        // the desktop waits; the phone opens the page, then uploads
        CompletableFuture<HttpProbe.Answer> desktop = CompletableFuture.supplyAsync(
                () -> api.get(candidate, "/api/photos/capture-sessions/" + sessionId + "?waitMs=8000"));
        HttpProbe phone = HttpProbe.onLocalPort(port);
        assertThat(phone.get("/api/photos/public/capture/" + token).json().path("status").asString()).isEqualTo("OPEN");
        Thread.sleep(500);
        long before = System.nanoTime();
        var uploaded = api.multipart("/api/photos/public/capture/" + token, null, "photo", "phone.jpg",
                TestPhotos.portraitJpeg(900, 61));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        HttpProbe.Answer learned = desktop.get();
        assertThat((System.nanoTime() - before) / 1_000_000).as("long poll answers soon after the upload")
                .isLessThan(3000);
        assertThat(learned.json().path("status").asString()).isEqualTo("UPLOADED");
        String photoId = learned.json().path("photoId").asString();
        assertThat(api.get(candidate, "/api/photos/" + photoId).json().path("status").asString()).isEqualTo("UPLOADED");
        // the candidate confirms from the desktop
        assertThat(api.submit(candidate, photoId).status()).isEqualTo(200);
    }

    @Test
    void bur1_theLinkOpensThePhonePageUnderTheCandidatesBureau() throws Exception {
        HttpProbe http = HttpProbe.onLocalPort(port);
        UUID candidate = UUID.randomUUID();
        String shanghai = TestServers.issuer().candidateTokenOf("sh", candidate.toString());

        var opened = http.send(http.request("/api/photos/capture-sessions").header("Authorization", "Bearer " + shanghai)
                .header(BureauAddress.HEADER, "sh").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String url = opened.json().path("captureUrl").asString();
        assertThat(url).matches("http://localhost:8080/sh/capture/[A-Za-z0-9_-]{43}");
        assertThat(decodeQr(opened.json().path("qrPng").asString())).isEqualTo(url);
        // the phone page calls its link under the same bureau's address
        assertThat(http.send(http.request("/api/photos/public/capture/" + token(url))
                .header(BureauAddress.HEADER, "sh").GET()).json().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void pho1_aReusedExpiredOrReplacedLinkIsRefusedAndStoresNothing() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String bearer = PhotoUploads.token(candidate);
        String first = token(api.postJson("/api/photos/capture-sessions", bearer, "{}").json().path("captureUrl")
                .asString());
        byte[] photo = TestPhotos.portraitJpeg(600, 62);

        // a photo refused by the quality check does not spend the link
        var bad = api.multipart("/api/photos/public/capture/" + first, null, "photo", "x.jpg", new byte[20_000]);
        assertThat(bad.status()).isEqualTo(415);
        assertThat(api.multipart("/api/photos/public/capture/" + first, null, "photo", "a.jpg", photo).status())
                .isEqualTo(201);
        var reused = api.multipart("/api/photos/public/capture/" + first, null, "photo", "b.jpg", photo);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemCode()).isEqualTo("CAPTURE_LINK_USED");
        assertThat(reused.json().path("detail").asString()).contains("已使用");

        // retake: a new session closes the older open one
        String second = token(api.postJson("/api/photos/capture-sessions", bearer, "{}").json().path("captureUrl")
                .asString());
        String third = token(api.postJson("/api/photos/capture-sessions", bearer, "{}").json().path("captureUrl")
                .asString());
        assertThat(api.multipart("/api/photos/public/capture/" + second, null, "photo", "c.jpg", photo).problemCode())
                .isEqualTo("CAPTURE_LINK_REPLACED");

        jdbc.sql("update capture_session set expires_at = ? where token_hash = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), CaptureSessions.hash(third)).update();
        var expired = api.multipart("/api/photos/public/capture/" + third, null, "photo", "d.jpg", photo);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.problemCode()).isEqualTo("CAPTURE_LINK_EXPIRED");
        assertThat(HttpProbe.onLocalPort(port).get("/api/photos/public/capture/" + third).status()).isEqualTo(410);
        assertThat(HttpProbe.onLocalPort(port).get("/api/photos/public/capture/not-a-token").status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from photo where candidate_id = ?").param(candidate).query(Long.class)
                .single()).as("only the one good upload").isEqualTo(1);
    }

    @Test
    void pho1_noSessionOpensWhileTheComparisonRunsOrAfterTheEnrollmentIsConfirmed() {
        PhotoUploads api = new PhotoUploads(port);
        UUID pending = UUID.randomUUID();
        String photoId = api.upload(pending, "me.jpg", TestPhotos.portraitJpeg(600, 63)).json().path("id").asString();
        api.submit(pending, photoId);
        UUID confirmed = UUID.randomUUID();
        KafkaEvents.ofTestServers().publish(new EnrollmentConfirmed(UUID.randomUUID(), confirmed, "2026-SH-ZK",
                "3100", List.of(), Instant.now(), "UNIFIED", null));

        var whilePending = api.postJson("/api/photos/capture-sessions", PhotoUploads.token(pending), "{}");
        assertThat(whilePending.status()).isEqualTo(409);
        // another test class's cached context may already have compared it (then it is locked as verified)
        assertThat(whilePending.problemCode()).isIn("IDENTITY_CHECK_PENDING", "IDENTITY_VERIFIED");
        // until the confirmation arrives by Kafka, a session may still open (the candidate was not confirmed yet)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.postJson(
                "/api/photos/capture-sessions", PhotoUploads.token(confirmed), "{}").problemCode())
                .isEqualTo("ENROLLMENT_CONFIRMED"));
        long openedBefore = sessionsOf(confirmed);
        assertThat(api.postJson("/api/photos/capture-sessions", PhotoUploads.token(confirmed), "{}").problemCode())
                .isEqualTo("ENROLLMENT_CONFIRMED");
        assertThat(sessionsOf(confirmed)).as("none opens once confirmed").isEqualTo(openedBefore);
        assertThat(sessionsOf(pending)).as("none opens while the comparison runs").isZero();
    }

    private long sessionsOf(UUID candidate) {
        return jdbc.sql("select count(*) from capture_session where candidate_id = ?").param(candidate)
                .query(Long.class).single();
    }

    @Test
    void pho1_anotherCandidatesSessionIsNotFound() {
        PhotoUploads api = new PhotoUploads(port);
        UUID owner = UUID.randomUUID();
        String sessionId = api.postJson("/api/photos/capture-sessions", PhotoUploads.token(owner), "{}").json()
                .path("sessionId").asString();

        var other = api.get(UUID.randomUUID(), "/api/photos/capture-sessions/" + sessionId);

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.problemCode()).isEqualTo("CAPTURE_SESSION_NOT_FOUND");
        assertThat(api.get(owner, "/api/photos/capture-sessions/" + sessionId).json().path("status").asString())
                .isEqualTo("OPEN");
    }

    private static String token(String url) {
        return url.replaceAll(".*/capture/([^/]+)$", "$1");
    }

    private static String decodeQr(String base64Png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64Png)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
