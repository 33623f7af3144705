package org.baokao.photo.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.operator.CaseClaim;
import org.baokao.domain.operator.Operator;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.photo.approval.Approvals;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claim-and-decide on manual reviews (PHO-5, OPS-3): an operator claims (领取) a review for
 * {@code baokao.photo.review.claim-duration} (15 minutes), and only the holder of a live claim decides it, so two
 * reviewers never decide the same case. Each change locks the review's row ({@code for update}): of two operators
 * claiming at once, the second finds the first's claim and is refused (409 {@code REVIEW_CLAIMED}, naming the holder).
 * The change, its audit ({@code review.claim}, {@code review.release}, {@code review.decide}: OperatorActed), and for a
 * decision ManualReviewDecided (account-service texts the candidate) and the approval's move commit together.
 */
@Component
class ManualReviewClaims {

    static final String SUBJECT_TYPE = "manual-review";

    private final JdbcClient jdbc;
    private final Approvals approvals;
    private final Outbox outbox;
    private final OperatorAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration hold;

    ManualReviewClaims(JdbcClient jdbc, Approvals approvals, Outbox outbox, OperatorAudit audit,
            TransactionTemplate transactions, Clock clock,
            @Value("${baokao.photo.review.claim-duration:15m}") Duration hold) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.hold = hold;
    }

    ManualReview claim(UUID reviewId, Operator operator, ReviewerScope scope) {
        return transactions.execute(status -> {
            ManualReview review = lock(reviewId, scope);
            ManualReview claimed = review.claim(operator.subject(),
                    CaseClaim.holderOf(operator.name(), operator.username()), clock.instant(), hold);
            saveClaim(claimed);
            audit.record(operator, "review.claim", SUBJECT_TYPE, reviewId.toString(), label(review), null,
                    details(review, Map.of("claimedUntil", claimed.claim().until().toString())));
            return claimed;
        });
    }

    ManualReview release(UUID reviewId, Operator operator, ReviewerScope scope) {
        return transactions.execute(status -> {
            ManualReview review = lock(reviewId, scope);
            ManualReview released = review.release(operator.subject(), clock.instant());
            saveClaim(released);
            audit.record(operator, "review.release", SUBJECT_TYPE, reviewId.toString(), label(review), null,
                    details(review, Map.of()));
            return released;
        });
    }

    /** The holder's decision; a new candidate's approval follows in the same transaction. */
    ManualReview decide(UUID reviewId, boolean approved, String reason, Operator operator, ReviewerScope scope) {
        return transactions.execute(status -> {
            ManualReview review = lock(reviewId, scope);
            ManualReview decided = review.decide(approved, reason, operator.subject(), operator.username(),
                    clock.instant());
            jdbc.sql("""
                    update manual_review set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                        claimed_by = null, claimed_by_name = null, claimed_until = null
                    where id = ?""")
                    .params(decided.status().name(), decided.decisionReason(), decided.decidedBy(),
                            Timestamp.from(decided.decidedAt()), reviewId)
                    .update();
            outbox.publish(new ManualReviewDecided(reviewId, review.candidateId(), approved,
                    decided.decisionReason() == null ? "" : decided.decisionReason(), decided.decidedAt()));
            approvals.reviewDecided(review.candidateId(), approved, decided.decisionReason(), decided.decidedAt());
            audit.record(operator, "review.decide", SUBJECT_TYPE, reviewId.toString(), label(review),
                    decided.decisionReason(), details(review, Map.of("result", decided.status().name())));
            return decided;
        });
    }

    private ManualReview lock(UUID reviewId, ReviewerScope scope) {
        return jdbc.sql(ManualReviewDesk.SELECT + " where id = ? for update").param(reviewId)
                .query(ManualReviewDesk::map).optional().filter(scope::sees)
                .orElseThrow(ManualReviewDesk::notFound);
    }

    private void saveClaim(ManualReview review) {
        CaseClaim claim = review.claim();
        jdbc.sql("update manual_review set claimed_by = ?, claimed_by_name = ?, claimed_until = ? where id = ?")
                .params(claim == null ? null : claim.subject(), claim == null ? null : claim.holder(),
                        claim == null ? null : Timestamp.from(claim.until()), review.id())
                .update();
    }

    /** What the audit trail's reader sees of the case: its kind and cause, never the candidate's data. */
    private static String label(ManualReview review) {
        return "照片人工审核（" + RequestedReason.labelOf(review.requestedReason()) + "）";
    }

    private static Map<String, String> details(ManualReview review, Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("requestedReason", review.requestedReason());
        if (review.universityCode() != null) {
            details.put("universityCode", review.universityCode());
        }
        details.putAll(more);
        return details;
    }

    Instant now() {
        return clock.instant();
    }
}
