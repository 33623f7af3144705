package org.baokao.photo.identity;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.jobs.RetryWithBackoff;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.approval.Approvals;
import org.baokao.photo.review.ManualReviews;
import org.baokao.photo.storage.PhotoStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Runs one queued identity comparison (PHO-4) off the request path, as a job on the service's job queue
 * (libs/jobs): the instance that claims it asks the provider and records the answer with its event in one
 * transaction. No answer (down, slow, circuit open) counts the call, leaves the check PENDING and fails the job, which
 * runs again after {@code first-backoff}, doubled per failure, at most {@code max-backoff}; so candidates see 核验中
 * during an outage and their checks finish by themselves when the provider is back. A job whose instance died is
 * taken over by another. Parallel calls are bounded by the job threads ({@code baokao.jobs.threads}) and the
 * provider's bulkhead.
 * <p>
 * Outcomes: MATCH → IdentityVerified (比对通过). NO_MATCH → IdentityVerificationFailed(attempt n); the n-th failure
 * ({@code failures-before-review}, 3) also opens a manual review (PHO-5). NO_REFERENCE → IdentityVerificationFailed
 * with reason NO_REFERENCE and a manual review at once: it does not count towards the three, because retaking the
 * photo can never produce a reference photo at the provider, so making the candidate fail three times would only
 * waste their time and the provider's quota. A new candidate of an open registration (an approval, SST-2) opens no
 * review here: the answer moves their approval (approved, another photo, or proofs needed), and the candidate submits
 * the review with the proofs.
 */
@Component
class IdentityCheckJob extends OneTimeTask<Void> {

    /** The job queue's name for these jobs; each job's id is the check's id. */
    static final String TASK = "identity-check";

    private static final Logger log = LoggerFactory.getLogger(IdentityCheckJob.class);

    private final IdentityChecks checks;
    private final IdentityProvider provider;
    private final CandidateIdentities identities;
    private final PhotoStorage storage;
    private final ManualReviews reviews;
    private final Approvals approvals;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final IdentityCheckMetrics metrics;
    private final Clock clock;

    IdentityCheckJob(IdentityChecks checks, IdentityProvider provider, CandidateIdentities identities,
            PhotoStorage storage, ManualReviews reviews, Approvals approvals, Outbox outbox,
            TransactionTemplate transactions, IdentityProperties properties, IdentityCheckMetrics metrics,
            Clock clock) {
        super(TASK, Void.class, new RetryWithBackoff<>(properties.firstBackoff(), properties.maxBackoff()));
        this.checks = checks;
        this.provider = provider;
        this.identities = identities;
        this.storage = storage;
        this.reviews = reviews;
        this.approvals = approvals;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void executeOnce(TaskInstance<Void> job, ExecutionContext context) {
        checks.pending(UUID.fromString(job.getId())).ifPresent(this::run);
    }

    private void run(IdentityChecks.Claimed check) {
        ComparisonResult result;
        try {
            result = provider.compare(identities.of(check.candidateId()), photo(check));
        } catch (IdentityProviderUnavailableException e) {
            checks.noAnswer(check.checkId(), e.code());
            log.info("Identity check {} stays pending ({})", check.checkId(), e.code());
            throw e; // the job runs again after its backoff
        }
        IdentityCheckStatus decided = transactions.execute(status -> record(check, result));
        if (decided != null) {
            metrics.decided(decided); // after the commit: a rolled-back answer is not counted
        }
    }

    private byte[] photo(IdentityChecks.Claimed check) {
        try (InputStream in = storage.open(check.normalizedKey())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IdentityProviderUnavailableException("PHOTO_STORE_UNAVAILABLE", "照片存储暂不可用");
        }
    }

    /** The status recorded, or null when another instance had decided the check already. */
    private IdentityCheckStatus record(IdentityChecks.Claimed check, ComparisonResult result) {
        Instant now = clock.instant();
        IdentityCheckStatus status = IdentityCheckStatus.of(result);
        if (!checks.decide(check.checkId(), status, now)) {
            return null;
        }
        // a candidate with an approval (open registration, SST-2) moves it; the others open the review themselves
        switch (result) {
            case MATCH -> {
                outbox.publish(new IdentityVerified(check.checkId(), check.candidateId(), check.photoId(), now));
                approvals.comparisonPassed(check.candidateId(), now);
            }
            case NO_MATCH -> {
                int failures = checks.failures(check.candidateId());
                outbox.publish(new IdentityVerificationFailed(check.checkId(), check.candidateId(), check.photoId(),
                        failures, "NO_MATCH", now));
                if (!approvals.comparisonFailed(check.candidateId(), failures, properties.failuresBeforeReview(), now)
                        && failures >= properties.failuresBeforeReview()) {
                    reviews.open(check.candidateId(), check.photoId(), "TOO_MANY_FAILURES", now);
                }
            }
            case NO_REFERENCE -> {
                outbox.publish(new IdentityVerificationFailed(check.checkId(), check.candidateId(), check.photoId(),
                        checks.failures(check.candidateId()), "NO_REFERENCE", now));
                if (!approvals.noReference(check.candidateId(), now)) {
                    reviews.open(check.candidateId(), check.photoId(), "NO_REFERENCE", now);
                }
            }
        }
        log.info("Identity check {} decided: {}", check.checkId(), status);
        return status;
    }
}
