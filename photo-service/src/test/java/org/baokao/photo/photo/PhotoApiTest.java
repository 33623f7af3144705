package org.baokao.photo.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;

/** PHO-2 and PHO-3 through the API against real PostgreSQL, Kafka and S3. */
@ServiceTest(s3 = true)
// no comparisons here: submitted checks stay PENDING (IdentityCheckTest runs them against the sandbox)
@TestPropertySource(properties = PhotoUploads.NO_WORKER)
class PhotoApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MinioClient s3;

    @Test
    void pho3_anAcceptedPhotoIsStoredTwiceUnderRandomKeysAndReadOnlyByItsOwnerAndOperators() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();

        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(900, 11));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String photoId = uploaded.json().path("id").asString();
        assertThat(uploaded.json().path("status").asString()).isEqualTo("UPLOADED");
        var keys = jdbc.sql("select object_key, normalized_key from photo where id = ?::uuid").param(photoId)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(keys).allSatisfy(key -> assertThat(key).matches("photos/[0-9a-f]{2}/[0-9a-f]{32}")
                .doesNotContain(candidate.toString()));

        var own = api.get(candidate, "/api/photos/" + photoId + "/image");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.contentType()).isEqualTo("image/jpeg");
        assertThat(api.get(UUID.randomUUID(), "/api/photos/" + photoId + "/image").problemCode())
                .isEqualTo("PHOTO_NOT_FOUND");
        assertThat(api.get(UUID.randomUUID(), "/api/photos/" + photoId).status()).isEqualTo(404);
        String operator = TestServers.issuer().token("operator-1", "operator");
        assertThat(HttpProbe.onLocalPort(port).get("/api/photos/" + photoId + "/image", operator).status())
                .isEqualTo(200);
        assertThat(HttpProbe.onLocalPort(port).get("/api/photos/" + photoId + "/image").status()).isEqualTo(401);

        // the presigned link reads the image straight from the store, without a token
        String link = api.get(candidate, "/api/photos/" + photoId + "/link").json().path("url").asString();
        HttpResponse<byte[]> fromStore = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromStore.statusCode()).isEqualTo(200);
        assertThat(fromStore.body()[0] & 0xff).isEqualTo(0xff);
    }

    @Test
    void pho3_submittingPublishesPhotoAcceptedAndQueuesTheIdentityCheck() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String photoId = api.upload(candidate, "me.png", TestPhotos.portraitJpeg(600, 12)).json().path("id")
                .asString();

        assertThat(api.submit(UUID.randomUUID(), photoId).status()).isEqualTo(404);
        var submitted = api.submit(candidate, photoId);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(KafkaEvents.ofTestServers().matching(PhotoAccepted.class,
                event -> event.photoId().toString().equals(photoId) && event.candidateId().equals(candidate), 1))
                .hasSize(1);
        assertThat(jdbc.sql("select status from identity_check where photo_id = ?::uuid").param(photoId)
                // queued; another test class's cached context may already have run it against the sandbox
                .query(String.class).single()).isIn("PENDING", "MATCHED");
        assertThat(api.submit(candidate, photoId).status()).isEqualTo(409);
    }

    @Test
    void pho2_badUploadsGetAClear4xxAndStoreNothing() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        long objectsBefore = objectCount();

        var zip = api.upload(candidate, "photo.jpg", padded(new byte[] {'P', 'K', 3, 4}));
        var pdf = api.upload(candidate, "photo.jpg", padded("%PDF-1.7".getBytes()));
        // a 50 MB body is refused before it is read: a 413, or (when the client insists on streaming it) the
        // server closing the connection; either way nothing is stored and the service stays up
        int hugeStatus;
        try {
            hugeStatus = api.upload(candidate, "photo.jpg", new byte[50 * 1024 * 1024]).status();
        } catch (java.io.UncheckedIOException closedByServer) {
            hugeStatus = 413;
        }
        var bomb = api.upload(candidate, "photo.png", TestPhotos.pngBomb(12000, 16000));
        byte[] whole = TestPhotos.portraitJpeg(900, 13);
        var truncated = api.upload(candidate, "photo.jpg", java.util.Arrays.copyOf(whole, whole.length / 2));
        var cmyk = api.upload(candidate, "photo.jpg", padded(TestPhotos.cmykJpeg(600, 800)));
        var png16 = api.upload(candidate, "photo.png", padded(TestPhotos.png16(600, 800)));

        assertThat(zip.status()).isEqualTo(415);
        assertThat(zip.problemCode()).isEqualTo("PHOTO_FORMAT_UNSUPPORTED");
        assertThat(zip.json().path("detail").asString()).contains("仅支持JPEG或PNG");
        assertThat(pdf.problemCode()).isEqualTo("PHOTO_FORMAT_UNSUPPORTED");
        assertThat(hugeStatus).isEqualTo(413);
        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.problemCode()).isEqualTo("PHOTO_DIMENSIONS_TOO_LARGE");
        assertThat(truncated.problemCode()).isEqualTo("PHOTO_CORRUPT");
        assertThat(cmyk.problemCode()).isEqualTo("PHOTO_CMYK_UNSUPPORTED");
        assertThat(png16.problemCode()).isEqualTo("PHOTO_BIT_DEPTH_UNSUPPORTED");
        assertThat(jdbc.sql("select count(*) from photo where candidate_id = ?").param(candidate).query(Long.class)
                .single()).isZero();
        assertThat(objectCount()).isEqualTo(objectsBefore);
        assertThat(HttpProbe.onLocalPort(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void pho3_uploadsAfterTheEnrollmentIsConfirmedAreRefused() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        KafkaEvents.ofTestServers().publish(new EnrollmentConfirmed(UUID.randomUUID(), candidate, "2026-SH-ZK",
                "3100", List.of(), Instant.now(), "UNIFIED", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, 14)).problemCode())
                        .isEqualTo("ENROLLMENT_CONFIRMED"));
        assertThat(jdbc.sql("select count(*) from photo where candidate_id = ?").param(candidate).query(Long.class)
                .single()).isZero();
    }

    /** SST-7: enrollment-service prints the candidate's photo on the 确认单 without knowing its id. */
    @Test
    void theCandidatesOwnImageIsThePhotoTheyConfirmedLast() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String mine = "/api/photos/mine/image";
        assertThat(api.get(candidate, mine).problemCode()).as("none confirmed yet").isEqualTo("PHOTO_NOT_FOUND");

        String first = api.upload(candidate, "a.jpg", TestPhotos.portraitJpeg(900, 21)).json().path("id").asString();
        assertThat(api.get(candidate, mine).problemCode()).as("uploaded, not confirmed").isEqualTo("PHOTO_NOT_FOUND");
        assertThat(api.submit(candidate, first).status()).isEqualTo(200);
        assertThat(image(candidate, mine)).isEqualTo(image(candidate, "/api/photos/" + first + "/image"));

        // the comparison failed: the candidate retakes; the new upload is theirs once they confirm it
        jdbc.sql("update identity_check set status = 'MISMATCHED' where photo_id = ?::uuid").param(first).update();
        String second = api.upload(candidate, "b.jpg", TestPhotos.portraitJpeg(900, 22)).json().path("id").asString();
        assertThat(image(candidate, mine)).isEqualTo(image(candidate, "/api/photos/" + first + "/image"));
        assertThat(api.submit(candidate, second).status()).isEqualTo(200);
        byte[] current = image(candidate, mine);
        assertThat(current).isEqualTo(image(candidate, "/api/photos/" + second + "/image"))
                .isNotEqualTo(image(candidate, "/api/photos/" + first + "/image"));

        assertThat(api.get(UUID.randomUUID(), mine).problemCode()).as("another candidate's")
                .isEqualTo("PHOTO_NOT_FOUND");
        String operator = TestServers.issuer().token("operator-1", "operator");
        assertThat(HttpProbe.onLocalPort(port).get(mine, operator).status()).as("a candidate's own only")
                .isEqualTo(403);
    }

    private byte[] image(UUID candidate, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer "
                        + PhotoUploads.token(candidate)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        return response.body();
    }

    private long objectCount() {
        long count = 0;
        for (var ignored : s3.listObjects(ListObjectsArgs.builder().bucket("baokao-photos").recursive(true).build())) {
            count++;
        }
        return count;
    }

    private static byte[] padded(byte[] content) {
        return java.util.Arrays.copyOf(content, Math.max(content.length, 20 * 1024));
    }
}
