package org.baokao.photo.review;

import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * A manual review (PHO-5) and its state machine: (COLLECTING →) OPEN → APPROVED or REJECTED (with a reason), decided
 * once. {@code bureau} and {@code universityCode} are those of a new candidate of an open registration, whose
 * university's reviewers decide; null for a roster bureau's review. {@code photoId} is null until submitted.
 */
@DomainModel
record ManualReview(UUID id, UUID candidateId, UUID photoId, ManualReviewStatus status, String requestedReason,
        String decisionReason, String decidedBy, Instant requestedAt, Instant decidedAt, String bureau,
        String universityCode) {

    static final int MAX_REASON = 200;

    ManualReview decide(boolean approved, String reason, String operator, Instant at) {
        ManualReviewStatus decided = status.decide(approved);
        String why = reason == null ? "" : reason.strip();
        if (!approved && why.isEmpty()) {
            throw Refusal.invalid("REJECT_REASON_REQUIRED", "请填写驳回原因");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw Refusal.invalid("REJECT_REASON_TOO_LONG", "审核意见不能超过" + MAX_REASON + "个字");
        }
        return new ManualReview(id, candidateId, photoId, decided, requestedReason, why.isEmpty() ? null : why,
                operator, requestedAt, at, bureau, universityCode);
    }

    /** The candidate submits the gathered proofs with the photo the reviewer compares them with. */
    ManualReview submit(UUID photo, Instant at) {
        return new ManualReview(id, candidateId, photo, status.submit(), requestedReason, null, null, at, null, bureau,
                universityCode);
    }
}
