package org.baokao.photo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 24, meters: the dashboards' identity-check and review figures move with real comparisons (the sandbox
 * provider, real PostgreSQL, Kafka and S3): {@code baokao.identity.checks{result}}, the pending checks and their
 * oldest age, {@code baokao.reviews.waiting}.
 */
@ServiceTest(s3 = true, sandbox = true)
@TestPropertySource(properties = { PhotoUploads.FAST_WORKER_1, PhotoUploads.FAST_WORKER_2,
        PhotoUploads.FAST_WORKER_3, PhotoUploads.FAST_WORKER_4 })
class IdentityMetricsTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final SandboxIdentity sandbox = new SandboxIdentity();

    @AfterEach
    void providerHealthy() {
        sandbox.failureRate(0);
    }

    @Test
    void everyAnswerHasItsCounterFromTheStartSoDashboardsReadZeroNotNothing() {
        assertThat(meters.find("baokao.identity.checks").counters())
                .extracting(counter -> counter.getId().getTag("result"))
                .containsExactlyInAnyOrder("matched", "mismatched", "no_reference");
    }

    @Test
    void aDecidedComparisonCountsOnceUnderItsAnswer() {
        PhotoUploads api = new PhotoUploads(port);
        double matched = checks("matched");
        double mismatched = checks("mismatched");
        UUID candidate = UUID.randomUUID();
        submitNewPhoto(api, candidate, 61);
        KafkaEvents.ofTestServers().matching(IdentityVerified.class, e -> e.candidateId().equals(candidate), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> checks("matched") == matched + 1);

        UUID refused = UUID.randomUUID();
        sandbox.force(refused, "NO_MATCH");
        submitNewPhoto(api, refused, 62);
        KafkaEvents.ofTestServers().matching(IdentityVerificationFailed.class, e -> e.candidateId().equals(refused),
                1);
        await().atMost(Duration.ofSeconds(10)).until(() -> checks("mismatched") == mismatched + 1);
        assertThat(checks("matched")).isEqualTo(matched + 1);
    }

    @Test
    void checksWaitingForADownProviderShowAsPendingWithTheirAge() {
        PhotoUploads api = new PhotoUploads(port);
        sandbox.failureRate(1);
        UUID candidate = UUID.randomUUID();
        submitNewPhoto(api, candidate, 63);

        // the gauges are read at most every 5 s: within 30 s they show the waiting check
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("baokao.identity.checks.pending") >= 1
                && gauge("baokao.identity.checks.pending.oldest.age") > 0);

        sandbox.failureRate(0);
        KafkaEvents.ofTestServers().matching(IdentityVerified.class, e -> e.candidateId().equals(candidate), 1);
    }

    @Test
    void aComparisonThatOpensAManualReviewRaisesTheReviewsWaiting() {
        PhotoUploads api = new PhotoUploads(port);
        double before = gauge("baokao.reviews.waiting");
        UUID candidate = UUID.randomUUID();
        sandbox.force(candidate, "NO_REFERENCE");
        submitNewPhoto(api, candidate, 64);
        KafkaEvents.ofTestServers().matching(ManualReviewRequested.class, e -> e.candidateId().equals(candidate), 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("baokao.reviews.waiting") >= before + 1);
        assertThat(checks("no_reference")).isPositive();
    }

    private double checks(String result) {
        return meters.get("baokao.identity.checks").tag("result", result).counter().count();
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private void submitNewPhoto(PhotoUploads api, UUID candidate, long seed) {
        var uploaded = api.upload(candidate, "me.jpg", TestPhotos.portraitJpeg(600, seed));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        var submitted = api.submit(candidate, uploaded.json().path("id").asString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }
}
