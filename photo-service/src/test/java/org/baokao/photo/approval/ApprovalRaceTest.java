package org.baokao.photo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.photo.identity.IdentityChecks;
import org.baokao.photo.photo.PhotoUploads;
import org.baokao.photo.quality.TestPhotos;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SST-2 under load (issue 23 §1, found by {@code ./baokao bench day}): a new candidate's registration reaches
 * photo-service as an event, and the candidate may submit a photo before it arrives. Here the registration is
 * handled while the submit's transaction is still open — the interleaving that left three of 61 Shanghai
 * candidates at 照片待上传 for ever, their comparison passed but lost. The approval must open at 核验中 and end
 * approved.
 */
@ServiceTest(s3 = true, sandbox = true)
@TestPropertySource(properties = { PhotoUploads.FAST_WORKER_1, PhotoUploads.FAST_WORKER_2,
        PhotoUploads.FAST_WORKER_3, PhotoUploads.FAST_WORKER_4 })
class ApprovalRaceTest {

    @LocalServerPort
    int port;

    @Autowired
    Approvals approvals;

    @Autowired
    IdentityChecks identityChecks;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sst2_aRegistrationHandledWhileThePhotoIsBeingSubmittedStillEndsApproved() throws Exception {
        PhotoUploads api = new PhotoUploads(port);
        UUID candidate = UUID.randomUUID();
        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, 301));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        UUID photoId = UUID.fromString(uploaded.json().path("id").asString());
        CountDownLatch submitting = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // two threads of their own: the common pool may have one on two cores, and would run them one after the other
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);

        // the submit's transaction as Photos.submit runs it, held open until the registration has had its chance
        CompletableFuture<Void> submit = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            Instant now = Instant.now();
            if (approvals.photoSubmitted(candidate, photoId, now)) {
                identityChecks.queue(candidate, photoId, now);
            }
            submitting.countDown();
            waitFor(commit);
        }), twoThreads);
        assertThat(submitting.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> registration = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                tx -> approvals.registered(new CandidateRegistered(candidate, null, "SH-ZK-2026-10", "RESIDENT_ID",
                        "hash", "31**12", Instant.now(), "139****0000", null, null, ApprovalApiTest.FUDAN,
                        "B050301", "sh", false))), twoThreads);
        Thread.sleep(1000);
        commit.countDown();
        submit.get(20, TimeUnit.SECONDS);
        registration.get(20, TimeUnit.SECONDS);
        twoThreads.shutdown();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(approvals.find(candidate))
                .hasValueSatisfying(approval -> assertThat(approval.status()).isEqualTo(ApprovalStatus.APPROVED)));
        assertThat(approvals.find(candidate).orElseThrow().photoId()).isEqualTo(photoId);
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
