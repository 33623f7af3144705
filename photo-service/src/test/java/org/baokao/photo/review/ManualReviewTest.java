package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.photo.identity.SandboxIdentity;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
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
    void pho5_theCandidateAddsProofsAndAnOperatorApprovesWhichCountsAsVerified() {
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

        String operator = ReviewDeskCalls.admin("operator-1", "sd");
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        HttpProbe http = HttpProbe.onLocalPort(port);
        assertThat(desk.get("sd", ReviewDeskCalls.PATH + "?status=OPEN", operator).body()).contains(reviewId);
        assertThat(http.get("/api/photos/operations/manual-reviews", bearer).status()).isEqualTo(403);
        var detail = desk.get("sd", ReviewDeskCalls.PATH + "/" + reviewId, operator);
        assertThat(detail.json().path("review").path("statusText").asString()).isEqualTo("人工审核中");
        assertThat(detail.json().path("review").path("requestedReasonText").asString()).isEqualTo("公安无参考照片");
        assertThat(detail.json().path("comparisons").get(0).path("label").asString()).isEqualTo("公安无参考照片");
        // the photo and the proofs through the service, never cached (the console shows them as object URLs)
        var photo = desk.get("sd", detail.json().path("photo").asString(), operator);
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.header("Cache-Control").orElse("")).contains("no-store");
        var proofImage = desk.get("sd", detail.json().path("proofs").get(0).path("image").asString(), operator);
        assertThat(proofImage.status()).isEqualTo(200);
        assertThat(detail.json().path("proofs").get(0).path("kindText").asString()).isEqualTo("身份证人像面");
        assertThat(desk.get("sd", ReviewDeskCalls.PATH + "/" + reviewId + "/proofs/" + UUID.randomUUID() + "/image",
                operator).problemCode()).isEqualTo("PROOF_NOT_FOUND");

        // a roster bureau's review belongs to no examining university: a university's reviewer does not see it
        String fudanReviewer = ReviewDeskCalls.reviewer("reviewer-fudan", "10246");
        assertThat(desk.get("sh", ReviewDeskCalls.PATH, fudanReviewer).body()).doesNotContain(reviewId);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, fudanReviewer).status()).isEqualTo(404);
        assertThat(desk.claimAndDecide("sh", reviewId, fudanReviewer, "{\"approved\":false,\"reason\":\"不是本校考生\"}")
                .status()).isEqualTo(404);

        var approved = desk.claimAndDecide("sd", reviewId, operator, "{\"approved\":true}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(KafkaEvents.ofTestServers().matching(ManualReviewDecided.class,
                event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> assertThat(event.approved()).isTrue());
        var again = desk.claimAndDecide("sd", reviewId, operator, "{\"approved\":false,\"reason\":\"照片模糊\"}");
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
        String operator = ReviewDeskCalls.admin("operator-2", "sd");
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        assertThat(desk.claim("sd", reviewId, operator).status()).isEqualTo(200);

        var noReason = desk.decide("sd", reviewId, operator, "{\"approved\":false,\"reason\":\"  \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("REJECT_REASON_REQUIRED");
        assertThat(jdbc.sql("select status from manual_review where id = ?::uuid").param(reviewId)
                .query(String.class).single()).isEqualTo("OPEN");

        var rejected = desk.decide("sd", reviewId, operator, "{\"approved\":false,\"reason\":\"手持身份证照片不清晰\"}");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(KafkaEvents.ofTestServers().matching(ManualReviewDecided.class,
                event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> {
                    assertThat(event.approved()).isFalse();
                    assertThat(event.reason()).isEqualTo("手持身份证照片不清晰");
                });
        assertThat(api.get(candidate, "/api/photos/manual-reviews/mine").json().path("decisionReason").asString())
                .isEqualTo("手持身份证照片不清晰");
        assertThat(desk.get("sd", ReviewDeskCalls.PATH + "/" + UUID.randomUUID(), operator).status()).isEqualTo(404);
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

}
