package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.photo.identity.SandboxIdentity;
import org.baokao.photo.photo.PhotoUploads;
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

/** PHO-5: proofs, the operator API and ManualReviewDecided, against the sandbox, PostgreSQL, Kafka and S3. */
@ServiceTest(s3 = true, sandbox = true)
@TestPropertySource(properties = { PhotoUploads.FAST_WORKER_1, PhotoUploads.FAST_WORKER_2,
        PhotoUploads.FAST_WORKER_3, PhotoUploads.FAST_WORKER_4 })
class ManualReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final SandboxIdentity sandbox = new SandboxIdentity();

    @Test
    void pho5_theCandidateAddsProofsAndAnOperatorApprovesWhichCountsAsVerified() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String reviewId = inManualReview(api, candidate, 71);
        String bearer = PhotoUploads.token(candidate);

        var badKind = api.multipart("/api/photos/manual-reviews/proofs?kind=SELFIE", bearer, "proof", "a.jpg",
                TestPhotos.portraitJpeg(600, 72));
        var notAnImage = api.multipart("/api/photos/manual-reviews/proofs?kind=ID_CARD_FRONT", bearer, "proof",
                "a.jpg", new byte[20_000]);
        var front = api.multipart("/api/photos/manual-reviews/proofs?kind=ID_CARD_FRONT", bearer, "proof", "a.jpg",
                TestPhotos.portraitJpeg(600, 73));
        var noReview = api.multipart("/api/photos/manual-reviews/proofs?kind=ID_CARD_FRONT",
                PhotoUploads.token(UUID.randomUUID()), "proof", "a.jpg", TestPhotos.portraitJpeg(600, 74));

        assertThat(badKind.problemCode()).isEqualTo("PROOF_KIND_INVALID");
        assertThat(notAnImage.status()).isEqualTo(415);
        assertThat(front.status()).as(front.body()).isEqualTo(201);
        assertThat(noReview.problemCode()).isEqualTo("NO_OPEN_MANUAL_REVIEW");
        assertThat(jdbc.sql("select count(*) from manual_review_proof where review_id = ?::uuid").param(reviewId)
                .query(Long.class).single()).isEqualTo(1);

        String operator = TestServers.issuer().token("operator-1", "operator");
        HttpProbe http = HttpProbe.onLocalPort(port);
        assertThat(http.get("/api/photos/operations/manual-reviews?status=OPEN", operator).body()).contains(reviewId);
        assertThat(http.get("/api/photos/operations/manual-reviews", bearer).status()).isEqualTo(403);
        var detail = http.get("/api/photos/operations/manual-reviews/" + reviewId, operator);
        assertThat(detail.json().path("statusText").asString()).isEqualTo("人工审核中");
        assertThat(fetch(detail.json().path("photoLink").asString())).isEqualTo(200);
        assertThat(fetch(detail.json().path("proofs").get(0).path("link").asString())).isEqualTo(200);

        // a roster bureau's review belongs to no examining university: a university's reviewer does not see it
        String fudanReviewer = TestServers.issuer().tokenWith("reviewer-fudan", Map.of("university", "10246"),
                "operator");
        assertThat(http.get("/api/photos/operations/manual-reviews", fudanReviewer).body()).doesNotContain(reviewId);
        assertThat(http.get("/api/photos/operations/manual-reviews/" + reviewId, fudanReviewer).status())
                .isEqualTo(404);
        assertThat(api.postJson("/api/photos/operations/manual-reviews/" + reviewId + "/decision", fudanReviewer,
                "{\"approved\":false,\"reason\":\"不是本校考生\"}").status()).isEqualTo(404);

        var approved = api.postJson("/api/photos/operations/manual-reviews/" + reviewId + "/decision", operator,
                "{\"approved\":true}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(KafkaEvents.ofTestServers().matching(ManualReviewDecided.class,
                event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> assertThat(event.approved()).isTrue());
        var again = api.postJson("/api/photos/operations/manual-reviews/" + reviewId + "/decision", operator,
                "{\"approved\":false,\"reason\":\"照片模糊\"}");
        assertThat(again.problemCode()).isEqualTo("MANUAL_REVIEW_DECIDED");
        assertThat(api.get(candidate, "/api/photos/identity-check").json().path("label").asString())
                .isEqualTo("人工审核通过");
        assertThat(api.upload(candidate, "new.jpg", TestPhotos.portraitJpeg(600, 75)).problemCode())
                .isEqualTo("IDENTITY_VERIFIED");
    }

    @Test
    void pho5_aRejectionNeedsAReasonWhichReachesTheCandidateEvent() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String reviewId = inManualReview(api, candidate, 81);
        String operator = TestServers.issuer().token("operator-2", "operator");
        String path = "/api/photos/operations/manual-reviews/" + reviewId + "/decision";

        var noReason = api.postJson(path, operator, "{\"approved\":false,\"reason\":\"  \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("REJECT_REASON_REQUIRED");
        assertThat(jdbc.sql("select status from manual_review where id = ?::uuid").param(reviewId)
                .query(String.class).single()).isEqualTo("OPEN");

        var rejected = api.postJson(path, operator, "{\"approved\":false,\"reason\":\"手持身份证照片不清晰\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(KafkaEvents.ofTestServers().matching(ManualReviewDecided.class,
                event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> {
                    assertThat(event.approved()).isFalse();
                    assertThat(event.reason()).isEqualTo("手持身份证照片不清晰");
                });
        assertThat(api.get(candidate, "/api/photos/manual-reviews/mine").json().path("decisionReason").asString())
                .isEqualTo("手持身份证照片不清晰");
        assertThat(HttpProbe.onLocalPort(port).get("/api/photos/operations/manual-reviews/" + UUID.randomUUID(),
                operator).status()).isEqualTo(404);
    }

    /** NO_REFERENCE sends a candidate to manual review with one comparison (the 3-failure path: IdentityCheckTest). */
    private String inManualReview(PhotoUploads api, UUID candidate, long seed) {
        sandbox.force(candidate, "NO_REFERENCE");
        String photoId = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, seed)).json().path("id")
                .asString();
        assertThat(api.submit(candidate, photoId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from manual_review where candidate_id = ? and status = 'OPEN'").param(candidate)
                .query(Long.class).single() == 1);
        return jdbc.sql("select id::text from manual_review where candidate_id = ?").param(candidate)
                .query(String.class).single();
    }

    private static int fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
