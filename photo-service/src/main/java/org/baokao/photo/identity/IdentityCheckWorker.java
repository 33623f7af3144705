package org.baokao.photo.identity;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.review.ManualReviews;
import org.baokao.photo.storage.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the queued identity comparisons (PHO-4) off the request path. Each pass claims the due PENDING checks, asks
 * the provider about each (in parallel, bounded by the bulkhead), and records every answer with its event in one
 * transaction. No answer (down, slow, circuit open) leaves the check PENDING with its next try pushed back, so
 * candidates see 核验中 during an outage and their checks finish by themselves when the provider is back.
 * <p>
 * Outcomes: MATCH → IdentityVerified (比对通过). NO_MATCH → IdentityVerificationFailed(attempt n); the n-th failure
 * ({@code failures-before-review}, 3) also opens a manual review (PHO-5). NO_REFERENCE → IdentityVerificationFailed
 * with reason NO_REFERENCE and a manual review at once: it does not count towards the three, because retaking the
 * photo can never produce a reference photo at the provider, so making the candidate fail three times would only
 * waste their time and the provider's quota.
 */
// worker-enabled=false: an instance (or a test) that serves the API but leaves the comparisons to others
@Component
@ConditionalOnProperty(name = "baokao.photo.identity.worker-enabled", havingValue = "true", matchIfMissing = true)
class IdentityCheckWorker {

    private static final Logger log = LoggerFactory.getLogger(IdentityCheckWorker.class);

    private final IdentityChecks checks;
    private final IdentityProvider provider;
    private final CandidateIdentities identities;
    private final PhotoStorage storage;
    private final ManualReviews reviews;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final ExecutorService calls;
    private final Clock clock;

    IdentityCheckWorker(IdentityChecks checks, IdentityProvider provider, CandidateIdentities identities,
            PhotoStorage storage, ManualReviews reviews,
            Outbox outbox, TransactionTemplate transactions, IdentityProperties properties,
            ExecutorService identityCalls, Clock clock) {
        this.checks = checks;
        this.provider = provider;
        this.identities = identities;
        this.storage = storage;
        this.reviews = reviews;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.calls = identityCalls;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${baokao.photo.identity.poll-interval:1s}",
            initialDelayString = "${baokao.photo.identity.poll-interval:1s}")
    void runDueChecks() {
        List<IdentityChecks.Claimed> claimed;
        try {
            claimed = checks.claimDue(clock.instant(), properties.lease(), properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Identity checks not claimed this pass: {}", e.toString());
            return;
        }
        List<Future<?>> running = claimed.stream().<Future<?>>map(check -> calls.submit(() -> run(check))).toList();
        for (Future<?> each : running) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Identity check pass failed: {}", e.toString());
            }
        }
    }

    private void run(IdentityChecks.Claimed check) {
        ComparisonResult result;
        try {
            result = provider.compare(identities.of(check.candidateId()), photo(check));
        } catch (IdentityProviderUnavailableException e) {
            Instant retryAt = clock.instant().plus(properties.backoff(check.providerCalls() + 1));
            checks.postpone(check.checkId(), e.code(), retryAt);
            log.info("Identity check {} stays pending ({}), next try at {}", check.checkId(), e.code(), retryAt);
            return;
        }
        transactions.executeWithoutResult(status -> record(check, result));
    }

    private byte[] photo(IdentityChecks.Claimed check) {
        try (InputStream in = storage.open(check.normalizedKey())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IdentityProviderUnavailableException("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用");
        }
    }

    private void record(IdentityChecks.Claimed check, ComparisonResult result) {
        Instant now = clock.instant();
        IdentityCheckStatus status = IdentityCheckStatus.of(result);
        if (!checks.decide(check.checkId(), status, now)) {
            return;
        }
        switch (result) {
            case MATCH -> outbox.publish(new IdentityVerified(check.checkId(), check.candidateId(), check.photoId(), now));
            case NO_MATCH -> {
                int failures = checks.failures(check.candidateId());
                outbox.publish(new IdentityVerificationFailed(check.checkId(), check.candidateId(), check.photoId(),
                        failures, "NO_MATCH", now));
                if (failures >= properties.failuresBeforeReview()) {
                    reviews.open(check.candidateId(), check.photoId(), "TOO_MANY_FAILURES", now);
                }
            }
            case NO_REFERENCE -> {
                outbox.publish(new IdentityVerificationFailed(check.checkId(), check.candidateId(), check.photoId(),
                        checks.failures(check.candidateId()), "NO_REFERENCE", now));
                reviews.open(check.candidateId(), check.photoId(), "NO_REFERENCE", now);
            }
        }
        log.info("Identity check {} decided: {}", check.checkId(), status);
    }
}
