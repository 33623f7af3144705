package org.baokao.photo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.photo.identity.SandboxIdentity;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.photo.review.ReviewDeskCalls;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * SST-2, ENR-10, PHO-5 through the API: a new candidate's approval from CandidateRegistered (Kafka), comparisons by
 * the sandbox provider, proofs gathered, submitted and decided by a reviewer of the candidate's university
 * (TestIssuer tokens with claim {@code university}); real PostgreSQL, Kafka and S3.
 */
@ServiceTest(s3 = true, sandbox = true)
@TestPropertySource(properties = { PhotoUploads.FAST_WORKER_1, PhotoUploads.FAST_WORKER_2,
        PhotoUploads.FAST_WORKER_3, PhotoUploads.FAST_WORKER_4 })
class ApprovalApiTest {

    static final String FUDAN = "10246";
    static final String SHUTCM = "10268";
    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final SandboxIdentity sandbox = new SandboxIdentity();

    @Test
    void sst2_aResidentIdCandidateIsApprovedAutomaticallyByAPassedComparison() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = registered("RESIDENT_ID", FUDAN, "B050301", false);

        var fresh = approvalOf(api, candidate);
        assertThat(fresh.path("status").asString()).isEqualTo("PHOTO_REQUIRED");
        assertThat(fresh.path("reason").isNull()).isTrue();
        assertThat(fresh.path("mayPay").asBoolean()).isFalse();
        submitPhoto(api, candidate, 101);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(api, candidate).equals("APPROVED"));
        assertThat(approvalOf(api, candidate).path("label").asString()).isEqualTo("审核通过");
        assertThat(approvalOf(api, candidate).path("mayPay").asBoolean()).isTrue();
        assertThat(EVENTS.matching(ApprovalChanged.class, event -> event.candidateId().equals(candidate), 3))
                .extracting(ApprovalChanged::status).containsExactly("PHOTO_REQUIRED", "CHECKING", "APPROVED");
    }

    @Test
    void pho5_threeFailedComparisonsNeedProofsWhichTheCandidateSubmitsAndTheirUniversitysReviewerApproves() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = registered("RESIDENT_ID", FUDAN, "B050301", false);
        String bearer = PhotoUploads.token(candidate);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(candidate, "/api/photos/approval").status() == 200);
        sandbox.force(candidate, "NO_MATCH");

        for (int failure = 1; failure <= 3; failure++) {
            submitPhoto(api, candidate, 110 + failure);
            int expected = failure;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> approvalOf(api, candidate).path("failedComparisons").asInt() == expected
                            && !status(api, candidate).equals("CHECKING"));
            if (failure < 3) {
                // another photo may be submitted
                assertThat(status(api, candidate)).isEqualTo("PHOTO_REQUIRED");
            }
        }
        var proofsRequired = approvalOf(api, candidate);
        assertThat(proofsRequired.path("status").asString()).isEqualTo("PROOFS_REQUIRED");
        assertThat(proofsRequired.path("reason").asString()).isEqualTo("人像比对3次未通过，须上传证明材料，由主考学校人工审核");
        assertThat(proofsRequired.path("requiredProofs").valueStream().map(node -> node.asString()).toList())
                .containsExactly("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID");
        // the roster bureaus' rule (a review opened for the reviewers at once) does not apply: nothing to decide yet
        assertThat(jdbc.sql("select count(*) from manual_review where candidate_id = ?").param(candidate)
                .query(Long.class).single()).isZero();

        assertThat(proof(api, bearer, "ID_CARD_FRONT", 121).status()).isEqualTo(201);
        assertThat(proof(api, bearer, "ID_CARD_BACK", 122).status()).isEqualTo(201);
        assertThat(proof(api, bearer, "EDUCATION_PROOF", 123).problemCode()).isEqualTo("PROOF_KIND_NOT_REQUIRED");
        var incomplete = submit(api, bearer);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.problemCode()).isEqualTo("PROOFS_MISSING");
        assertThat(incomplete.json().path("detail").asString()).isEqualTo("请先上传：手持身份证半身照");
        String operatorOfShutcm = reviewer("reviewer-shutcm", SHUTCM);
        // still gathering: no reviewer's business yet
        ReviewDeskCalls desk = new ReviewDeskCalls(port);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "?status=OPEN", reviewer("reviewer-fudan", FUDAN)).body())
                .doesNotContain(candidate.toString());
        assertThat(proof(api, bearer, "HOLDING_ID", 124).status()).isEqualTo(201);

        var submitted = submit(api, bearer);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("OPEN");
        String reviewId = submitted.json().path("id").asString();
        assertThat(approvalOf(api, candidate).path("label").asString()).isEqualTo("人工审核中");
        assertThat(EVENTS.matching(ManualReviewRequested.class, event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> assertThat(event.reason()).isEqualTo("TOO_MANY_FAILURES"));
        assertThat(proof(api, bearer, "HOLDING_ID", 125).problemCode()).isEqualTo("MANUAL_REVIEW_OPEN");
        assertThat(submit(api, bearer).problemCode()).isEqualTo("MANUAL_REVIEW_OPEN");
        assertThat(api.upload(candidate, "again.jpg", TestPhotos.portraitJpeg(600, 126)).problemCode())
                .isEqualTo("MANUAL_REVIEW_OPEN");

        // contract 4: another university's reviewer neither sees nor decides it
        assertThat(desk.get("sh", ReviewDeskCalls.PATH, operatorOfShutcm).body()).doesNotContain(reviewId);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, operatorOfShutcm).status())
                .isEqualTo(404);
        assertThat(desk.claim("sh", reviewId, operatorOfShutcm).status()).isEqualTo(404);
        var foreignDecision = desk.decide("sh", reviewId, operatorOfShutcm, "{\"approved\":true}");
        assertThat(foreignDecision.status()).isEqualTo(404);
        assertThat(foreignDecision.problemCode()).isEqualTo("MANUAL_REVIEW_NOT_FOUND");
        assertThat(status(api, candidate)).isEqualTo("IN_REVIEW");

        String fudan = reviewer("reviewer-fudan", FUDAN);
        assertThat(desk.get("sh", ReviewDeskCalls.PATH + "?status=OPEN", fudan).body()).contains(reviewId);
        var detail = desk.get("sh", ReviewDeskCalls.PATH + "/" + reviewId, fudan).json();
        assertThat(detail.path("review").path("universityCode").asString()).isEqualTo(FUDAN);
        assertThat(detail.path("review").path("bureau").asString()).isEqualTo("sh");
        assertThat(detail.path("review").path("requestedReasonText").asString()).isEqualTo("人像比对3次未通过");
        assertThat(detail.path("photo").asString()).endsWith("/photo");
        assertThat(detail.path("proofs")).hasSize(3);
        assertThat(detail.path("failedComparisons").asLong()).isEqualTo(3);
        var approved = desk.claimAndDecide("sh", reviewId, fudan, "{\"approved\":true}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        var after = approvalOf(api, candidate);
        assertThat(after.path("status").asString()).isEqualTo("APPROVED");
        assertThat(after.path("mayPay").asBoolean()).isTrue();
        assertThat(EVENTS.matching(ManualReviewDecided.class, event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> assertThat(event.approved()).isTrue());
        assertThat(EVENTS.matching(ApprovalChanged.class, event -> event.candidateId().equals(candidate), 9))
                .extracting(ApprovalChanged::status).containsExactly("PHOTO_REQUIRED", "CHECKING", "PHOTO_REQUIRED",
                        "CHECKING", "PHOTO_REQUIRED", "CHECKING", "PROOFS_REQUIRED", "IN_REVIEW", "APPROVED");
    }

    @Test
    void enr10_aPassportHolderIsReviewedWithoutAComparisonAndResubmitsAfterARejection() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = registered("PASSPORT", FUDAN, "B030101", false);
        String bearer = PhotoUploads.token(candidate);

        var fresh = approvalOf(api, candidate);
        assertThat(fresh.path("status").asString()).isEqualTo("PROOFS_REQUIRED");
        assertThat(fresh.path("reason").asString()).isEqualTo("您的证件类型为护照，须上传证明材料，由主考学校人工审核");
        assertThat(fresh.path("photoId").isNull()).isTrue();
        for (String kind : List.of("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID")) {
            assertThat(proof(api, bearer, kind, 130 + kind.length()).status()).isEqualTo(201);
        }
        // a second image of a kind replaces the first
        String front = proof(api, bearer, "ID_CARD_FRONT", 139).json().path("id").asString();
        assertThat(api.get(candidate, "/api/photos/manual-reviews/mine").json().path("proofs")).hasSize(3);
        assertThat(submit(api, bearer).problemCode()).as("no photo for the reviewer yet").isEqualTo("PHOTO_REQUIRED");
        String photoId = submitPhoto(api, candidate, 140);

        assertThat(jdbc.sql("select count(*) from identity_check where candidate_id = ?").param(candidate)
                .query(Long.class).single()).as("no comparison of a passport").isZero();
        assertThat(approvalOf(api, candidate).path("photoId").asString()).isEqualTo(photoId);
        var ownImage = api.get(candidate, "/api/photos/manual-reviews/mine/proofs/" + front + "/image");
        assertThat(ownImage.status()).isEqualTo(200);
        assertThat(ownImage.contentType()).isEqualTo("image/jpeg");
        assertThat(api.get(UUID.randomUUID(), "/api/photos/manual-reviews/mine/proofs/" + front + "/image")
                .problemCode()).isEqualTo("PROOF_NOT_FOUND");
        String firstReview = submit(api, bearer).json().path("id").asString();

        String operator = ReviewDeskCalls.admin("operator-sh", "sh");
        var rejected = new ReviewDeskCalls(port).claimAndDecide("sh", firstReview, operator,
                "{\"approved\":false,\"reason\":\"手持身份证半身照不清晰，请重新上传\"}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        var afterRejection = approvalOf(api, candidate);
        assertThat(afterRejection.path("status").asString()).isEqualTo("REJECTED");
        assertThat(afterRejection.path("label").asString()).isEqualTo("审核未通过");
        assertThat(afterRejection.path("reason").asString()).isEqualTo("手持身份证半身照不清晰，请重新上传");

        // upload again: a new review gathers the proofs, and it is submitted again
        assertThat(submit(api, bearer).problemCode()).isEqualTo("PROOFS_MISSING");
        for (String kind : List.of("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID")) {
            assertThat(proof(api, bearer, kind, 150 + kind.length()).status()).isEqualTo(201);
        }
        var resubmitted = submit(api, bearer);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().path("id").asString()).isNotEqualTo(firstReview);
        assertThat(status(api, candidate)).isEqualTo("IN_REVIEW");
        assertThat(jdbc.sql("select status from manual_review where candidate_id = ? order by requested_at")
                .param(candidate).query(String.class).list()).containsExactly("REJECTED", "OPEN");
    }

    @Test
    void enr10_aSpecialMajorNeedsEducationAndEmployerProofsAndNoComparison() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = registered("RESIDENT_ID", SHUTCM, "B101101", true);
        String bearer = PhotoUploads.token(candidate);

        var fresh = approvalOf(api, candidate);
        assertThat(fresh.path("status").asString()).isEqualTo("PROOFS_REQUIRED");
        assertThat(fresh.path("requiredProofs").valueStream().map(node -> node.asString()).toList())
                .containsExactly("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID", "EDUCATION_PROOF", "EMPLOYER_PROOF");
        submitPhoto(api, candidate, 160);
        for (String kind : List.of("ID_CARD_FRONT", "ID_CARD_BACK", "HOLDING_ID")) {
            assertThat(proof(api, bearer, kind, 161 + kind.length()).status()).isEqualTo(201);
        }

        var incomplete = submit(api, bearer);

        assertThat(incomplete.problemCode()).isEqualTo("PROOFS_MISSING");
        assertThat(incomplete.json().path("detail").asString()).isEqualTo("请先上传：学历证明、单位证明");
        assertThat(jdbc.sql("select count(*) from identity_check where candidate_id = ?").param(candidate)
                .query(Long.class).single()).isZero();
        assertThat(proof(api, bearer, "EDUCATION_PROOF", 170).status()).isEqualTo(201);
        assertThat(proof(api, bearer, "EMPLOYER_PROOF", 171).status()).isEqualTo(201);
        assertThat(submit(api, bearer).status()).isEqualTo(200);
        assertThat(new ReviewDeskCalls(port).get("sh", ReviewDeskCalls.PATH + "?status=OPEN&size=100",
                reviewer("reviewer-shutcm", SHUTCM)).body()).contains(candidate.toString());
    }

    @Test
    void aRosterRegistrationGetsNoApprovalAndKeepsTheRulesOfBefore() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        EVENTS.publish(new CandidateRegistered(candidate, UUID.randomUUID(), "SD-ZSB-2023", "RESIDENT_ID", "hash",
                "37**************12", Instant.now(), "138****5678", "FEMALE", LocalDate.of(2001, 5, 12), null, null,
                "sd", false));
        // a later open registration shows the consumer has read past the roster one
        UUID open = registered("RESIDENT_ID", FUDAN, "B050301", false);
        approvalOf(api, open);

        var none = api.get(candidate, "/api/photos/approval");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemCode()).isEqualTo("APPROVAL_NOT_FOUND");
        assertThat(submit(api, PhotoUploads.token(candidate)).problemCode()).isEqualTo("APPROVAL_NOT_FOUND");
        assertThat(proof(api, PhotoUploads.token(candidate), "ID_CARD_FRONT", 180).problemCode())
                .as("proofs only into an open review, as before").isEqualTo("NO_OPEN_MANUAL_REVIEW");
    }

    /** An open registration at Shanghai, as account-service publishes it; answers the candidate id. */
    private static UUID registered(String idType, String university, String major, boolean special) {
        UUID candidate = UUID.randomUUID();
        EVENTS.publish(new CandidateRegistered(candidate, null, "SH-ZK-2026-10", idType, "hash", "31**12",
                Instant.now(), "139****0000", null, null, university, major, "sh", special));
        return candidate;
    }

    /** The approval, once photo-service has consumed the registration. */
    private static tools.jackson.databind.JsonNode approvalOf(PhotoUploads api, UUID candidate) {
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(candidate, "/api/photos/approval").status() == 200);
        return api.get(candidate, "/api/photos/approval").json();
    }

    private static String status(PhotoUploads api, UUID candidate) {
        return approvalOf(api, candidate).path("status").asString();
    }

    private static String submitPhoto(PhotoUploads api, UUID candidate, long seed) {
        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, seed));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String photoId = uploaded.json().path("id").asString();
        var submitted = api.submit(candidate, photoId);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return photoId;
    }

    private static HttpProbe.Answer proof(PhotoUploads api, String bearer, String kind, long seed) {
        return api.multipart("/api/photos/manual-reviews/proofs?kind=" + kind, bearer, "proof", kind + ".jpg",
                TestPhotos.portraitJpeg(600, seed));
    }

    private static HttpProbe.Answer submit(PhotoUploads api, String bearer) {
        return api.postJson("/api/photos/manual-reviews/mine/submit", bearer, "{}");
    }

    /** A reviewer of one examining university, as Keycloak issues them (user attribute → claim university). */
    static String reviewer(String name, String university) {
        return ReviewDeskCalls.reviewer(name, university);
    }
}
