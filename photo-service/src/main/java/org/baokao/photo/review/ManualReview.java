package org.baokao.photo.review;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.CaseClaim;

/**
 * A manual review (PHO-5) and its state machine: (COLLECTING →) OPEN → APPROVED or REJECTED (with a reason), decided
 * once. {@code bureau} and {@code universityCode} are those of a new candidate of an open registration, whose
 * university's reviewers decide; null for a roster bureau's review. {@code photoId} is null until submitted.
 * <p>
 * Claim-and-decide (OPS-3): an operator claims an OPEN review ({@link #claim}) and only the holder of a live claim
 * decides it, so two reviewers never decide the same case; {@code claim} is null when nobody holds it.
 */
@DomainModel
record ManualReview(UUID id, UUID candidateId, UUID photoId, ManualReviewStatus status, String requestedReason,
        String decisionReason, String decidedBy, Instant requestedAt, Instant decidedAt, String bureau,
        String universityCode, CaseClaim claim) {

    static final int MAX_REASON = 200;

    /** The desk's words in the claim's refusals: REVIEW_CLAIMED, REVIEW_CLAIM_REQUIRED, REVIEW_NOT_CLAIMED. */
    static final CaseClaim.Desk DESK = new CaseClaim.Desk("REVIEW", "审核");

    /** The claim that holds the review now, if any (a lapsed one holds nothing). */
    CaseClaim liveClaim(Instant now) {
        return CaseClaim.live(claim, now);
    }

    /**
     * The operator takes the case for {@code hold}: an OPEN review nobody else holds; claiming one's own again renews
     * it. 409 {@code REVIEW_CLAIMED} naming the holder, {@code MANUAL_REVIEW_DECIDED}, {@code MANUAL_REVIEW_NOT_SUBMITTED}.
     */
    ManualReview claim(String subject, String holder, Instant now, Duration hold) {
        status.requireOpen();
        return withClaim(CaseClaim.take(claim, subject, holder, now, hold, DESK));
    }

    /** The holder gives the case back to the queue; 409 {@code REVIEW_NOT_CLAIMED} for anyone else. */
    ManualReview release(String subject, Instant now) {
        CaseClaim.requireReleasableBy(claim, subject, now, DESK);
        return withClaim(null);
    }

    /**
     * The decision of the holder of a live claim; the claim ends with it. A decided review is 409
     * {@code MANUAL_REVIEW_DECIDED}; held by someone else 409 {@code REVIEW_CLAIMED}; not claimed (or the claim
     * lapsed) 409 {@code REVIEW_CLAIM_REQUIRED}.
     */
    ManualReview decide(boolean approved, String reason, String subject, String operator, Instant at) {
        ManualReviewStatus decided = status.decide(approved);
        CaseClaim.requireHeldBy(claim, subject, at, DESK);
        String why = reason == null ? "" : reason.strip();
        if (!approved && why.isEmpty()) {
            throw Refusal.invalid("REJECT_REASON_REQUIRED", "请填写驳回原因");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw Refusal.invalid("REJECT_REASON_TOO_LONG", "审核意见不能超过" + MAX_REASON + "个字");
        }
        return new ManualReview(id, candidateId, photoId, decided, requestedReason, why.isEmpty() ? null : why,
                operator, requestedAt, at, bureau, universityCode, null);
    }

    /** The candidate submits the gathered proofs with the photo the reviewer compares them with. */
    ManualReview submit(UUID photo, Instant at) {
        return new ManualReview(id, candidateId, photo, status.submit(), requestedReason, null, null, at, null, bureau,
                universityCode, null);
    }

    private ManualReview withClaim(CaseClaim next) {
        return new ManualReview(id, candidateId, photoId, status, requestedReason, decisionReason, decidedBy,
                requestedAt, decidedAt, bureau, universityCode, next);
    }
}
