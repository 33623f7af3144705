package org.baokao.photo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** PHO-4 (and the PHO-5 trigger): comparisons against the sandbox provider, real PostgreSQL, Kafka and S3. */
@ServiceTest(s3 = true, sandbox = true)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { PhotoUploads.FAST_WORKER_1, PhotoUploads.FAST_WORKER_2,
        PhotoUploads.FAST_WORKER_3, PhotoUploads.FAST_WORKER_4 })
class IdentityCheckTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final SandboxIdentity sandbox = new SandboxIdentity();

    @AfterEach
    void providerHealthy() {
        sandbox.failureRate(0);
    }

    @Test
    void pho4_aMatchingPhotoIsVerifiedAsynchronouslyAndPublishesIdentityVerified(CapturedOutput output) {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        String photoId = submitNewPhoto(api, candidate, 21);

        List<IdentityVerified> verified = KafkaEvents.ofTestServers().matching(IdentityVerified.class,
                event -> event.candidateId().equals(candidate), 1);

        assertThat(verified).singleElement().satisfies(event -> assertThat(event.photoId().toString()).isEqualTo(photoId));
        assertThat(checkStatus(photoId)).isEqualTo("MATCHED");
        var status = api.get(candidate, "/api/photos/identity-check");
        assertThat(status.json().path("label").asString()).isEqualTo("比对通过");
        // 比对通过 is final: the photo can no longer be replaced
        assertThat(api.upload(candidate, "again.jpg", TestPhotos.portraitJpeg(600, 22)).problemCode())
                .isEqualTo("IDENTITY_VERIFIED");
        // the ID number was read from account-service and sent to the provider, but never logged or stored
        String idNumber = FakeAccountService.idNumberOf(candidate);
        assertThat(output.getAll()).doesNotContain(idNumber);
        assertThat(jdbc.sql("select count(*) from identity_check where last_error like ?").param("%" + idNumber + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void pho4_aMismatchPublishesIdentityVerificationFailedWithItsAttemptAndTheCandidateMayRetake() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        sandbox.force(candidate, "NO_MATCH");
        String first = submitNewPhoto(api, candidate, 23);

        var failed = KafkaEvents.ofTestServers().matching(IdentityVerificationFailed.class,
                event -> event.candidateId().equals(candidate), 1);

        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.attempt()).isEqualTo(1);
            assertThat(event.reason()).isEqualTo("NO_MATCH");
            assertThat(event.photoId().toString()).isEqualTo(first);
        });
        assertThat(api.get(candidate, "/api/photos/identity-check").json().path("label").asString())
                .isEqualTo("比对未通过");
        assertThat(api.upload(candidate, "retake.jpg", TestPhotos.portraitJpeg(600, 24)).status()).isEqualTo(201);
    }

    @Test
    void pho5_theThirdFailedComparisonRequestsManualReviewAndLocksThePhoto() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        sandbox.force(candidate, "NO_MATCH");

        for (int attempt = 1; attempt <= 3; attempt++) {
            submitNewPhoto(api, candidate, 30 + attempt);
            int expected = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> failures(candidate) == expected);
        }

        var failed = KafkaEvents.ofTestServers().matching(IdentityVerificationFailed.class,
                event -> event.candidateId().equals(candidate), 3);
        assertThat(failed).extracting(IdentityVerificationFailed::attempt).containsExactly(1, 2, 3);
        var review = KafkaEvents.ofTestServers().matching(ManualReviewRequested.class,
                event -> event.candidateId().equals(candidate), 1);
        assertThat(review).singleElement().satisfies(event -> assertThat(event.reason()).isEqualTo("TOO_MANY_FAILURES"));
        assertThat(jdbc.sql("select count(*) from manual_review where candidate_id = ? and status = 'OPEN'")
                .param(candidate).query(Long.class).single()).isEqualTo(1);
        assertThat(api.get(candidate, "/api/photos/identity-check").json().path("label").asString())
                .isEqualTo("人工审核中");
        assertThat(api.upload(candidate, "fourth.jpg", TestPhotos.portraitJpeg(600, 34)).problemCode())
                .isEqualTo("MANUAL_REVIEW_OPEN");
    }

    @Test
    void pho4_noReferencePhotoGoesToManualReviewAtOnceWithoutCountingAsAFailure() {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        sandbox.force(candidate, "NO_REFERENCE");
        submitNewPhoto(api, candidate, 41);

        var failed = KafkaEvents.ofTestServers().matching(IdentityVerificationFailed.class,
                event -> event.candidateId().equals(candidate), 1);
        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.reason()).isEqualTo("NO_REFERENCE");
            assertThat(event.attempt()).isZero();
        });
        assertThat(KafkaEvents.ofTestServers().matching(ManualReviewRequested.class,
                event -> event.candidateId().equals(candidate), 1))
                .singleElement().satisfies(event -> assertThat(event.reason()).isEqualTo("NO_REFERENCE"));
    }

    @Test
    void pho4_checksStayPendingWhileTheProviderIsDownAndCompleteByThemselvesWhenItReturns() {
        PhotoUploads api = new PhotoUploads(port);
        sandbox.failureRate(1);
        List<UUID> candidates = new ArrayList<>();
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID candidate = UUID.randomUUID();
            candidates.add(candidate);
            photos.add(submitNewPhoto(api, candidate, 50 + i));
        }

        // the provider fails every call: each check is tried (and retried), then waits, never fails
        await().atMost(Duration.ofSeconds(30)).until(() -> photos.stream()
                .allMatch(photo -> providerCalls(photo) >= 2));
        assertThat(photos).allSatisfy(photo -> assertThat(checkStatus(photo)).isEqualTo("PENDING"));
        assertThat(jdbc.sql("select count(*) from identity_check where photo_id::text in (:ids) and last_error in "
                + "('PROVIDER_UNAVAILABLE', 'CIRCUIT_OPEN')").param("ids", photos).query(Long.class).single())
                .isEqualTo(photos.size());
        assertThat(candidates).allSatisfy(candidate -> assertThat(api.get(candidate, "/api/photos/identity-check")
                .json().path("label").asString()).isEqualTo("核验中"));

        sandbox.failureRate(0);

        // nobody resubmits anything: the worker finds the waiting checks and the provider answers
        List<IdentityVerified> verified = KafkaEvents.ofTestServers().matching(IdentityVerified.class,
                event -> candidates.contains(event.candidateId()), candidates.size());
        assertThat(verified).extracting(IdentityVerified::candidateId).containsExactlyInAnyOrderElementsOf(candidates);
        assertThat(photos).allSatisfy(photo -> assertThat(checkStatus(photo)).isEqualTo("MATCHED"));
    }

    private String submitNewPhoto(PhotoUploads api, UUID candidate, long seed) {
        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, seed));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String photoId = uploaded.json().path("id").asString();
        var submitted = api.submit(candidate, photoId);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return photoId;
    }

    private String checkStatus(String photoId) {
        return jdbc.sql("select status from identity_check where photo_id = ?::uuid").param(photoId)
                .query(String.class).single();
    }

    private int providerCalls(String photoId) {
        return jdbc.sql("select provider_calls from identity_check where photo_id = ?::uuid").param(photoId)
                .query(Integer.class).single();
    }

    private int failures(UUID candidate) {
        return jdbc.sql("select count(*) from identity_check where candidate_id = ? and status = 'MISMATCHED'")
                .param(candidate).query(Integer.class).single();
    }
}
