package org.baokao.photo.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * The approval of one new candidate of an open registration (Shanghai 新考生注册: SST-2, ENR-10, PHO-5), one state
 * machine ({@link ApprovalStatus}): each method checks its rule and answers the approval after the change (the same
 * one when the change does not apply), or refuses. What it starts from comes with CandidateRegistered: the ID
 * document type, the examining university (主考学校, whose reviewers decide) and major, and whether that major is
 * special.
 *
 * @param cause          why proofs are needed; null on the automatic path
 * @param decisionReason the reviewer's reason of the latest rejection
 * @param photoId        the submitted photo the review looks at (the latest); null before one was submitted
 */
@DomainModel
public record Approval(UUID candidateId, String bureau, String universityCode, String majorCode, String idType,
        boolean specialMajor, ApprovalStatus status, ReviewCause cause, int failedComparisons, String decisionReason,
        UUID photoId, Instant changedAt) {

    /**
     * A new candidate: a 居民身份证 is compared with the public-security photo (a pass approves); any other document,
     * which the comparison cannot check, and a special major need proofs from the start, so no comparison is spent
     * on them.
     */
    public static Approval open(UUID candidateId, String bureau, String universityCode, String majorCode,
            String idType, boolean specialMajor, Instant at) {
        ReviewCause cause = !IdDocumentType.isResidentId(idType) ? ReviewCause.NON_RESIDENT_ID
                : specialMajor ? ReviewCause.SPECIAL_MAJOR : null;
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor,
                cause == null ? ApprovalStatus.PHOTO_REQUIRED : ApprovalStatus.PROOFS_REQUIRED, cause, 0, null, null,
                at);
    }

    /**
     * The comparisons of a photo submitted before this service learnt of the registration (the candidate was quicker
     * than the event): the approval starts where they have got to, so it is never behind the photo's lock.
     */
    public Approval caughtUpWith(ComparisonsSoFar so, int failuresBeforeReview, Instant at) {
        Approval caught = new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, status,
                cause, so.failures(), decisionReason, so.latestPhotoId() != null ? so.latestPhotoId() : photoId, at);
        if (status != ApprovalStatus.PHOTO_REQUIRED || so.latest() == null) {
            return caught;
        }
        Approval checking = caught.moved(ApprovalStatus.CHECKING, at);
        return switch (so.latest()) {
            case PENDING -> checking;
            case MATCHED -> checking.comparisonPassed(at);
            case MISMATCHED -> checking.comparisonFailed(so.failures(), failuresBeforeReview, at);
            case NO_REFERENCE -> checking.noReference(at);
        };
    }

    /**
     * The candidate submitted a photo. On the automatic path it goes to the comparison ({@link #comparing()});
     * while proofs are gathered it is kept for the review without one. While a photo is compared, reviewed or
     * approved it cannot change.
     */
    public Approval photoSubmitted(UUID photo, Instant at) {
        return switch (status) {
            case PHOTO_REQUIRED -> withPhoto(photo).moved(ApprovalStatus.CHECKING, at);
            case PROOFS_REQUIRED, REJECTED -> withPhoto(photo);
            case CHECKING -> throw Refusal.conflict("IDENTITY_CHECK_PENDING", "照片正在核验中，请等待核验结果后再操作");
            case IN_REVIEW -> throw Refusal.conflict("MANUAL_REVIEW_OPEN", "照片正在人工审核中，请等待审核结果");
            case APPROVED -> throw Refusal.conflict("IDENTITY_VERIFIED", "已审核通过，照片不能再更换");
        };
    }

    /** Whether the photo just submitted is to be compared with the public-security photo. */
    public boolean comparing() {
        return status == ApprovalStatus.CHECKING;
    }

    /** A passed comparison of a 居民身份证 approves the candidate. */
    public Approval comparisonPassed(Instant at) {
        return comparing() ? moved(ApprovalStatus.APPROVED, at) : this;
    }

    /**
     * A failed comparison, the candidate's {@code failures}-th: another photo may be submitted, until the
     * {@code failuresBeforeReview}-th, after which proofs are needed.
     */
    public Approval comparisonFailed(int failures, int failuresBeforeReview, Instant at) {
        Approval counted = new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, status,
                cause, failures, decisionReason, photoId, changedAt);
        if (!comparing()) {
            return counted;
        }
        return failures >= failuresBeforeReview ? counted.toReview(ReviewCause.TOO_MANY_FAILURES, at)
                : counted.moved(ApprovalStatus.PHOTO_REQUIRED, at);
    }

    /** The provider has no reference photo: no retake can ever pass, so proofs are needed at once. */
    public Approval noReference(Instant at) {
        return comparing() ? toReview(ReviewCause.NO_REFERENCE, at) : this;
    }

    /** The proofs a submission needs: the three ID proofs, and for a special major 学历证明 and 单位证明. */
    public List<ProofKind> requiredProofs() {
        List<ProofKind> kinds = new ArrayList<>(List.of(ProofKind.ID_CARD_FRONT, ProofKind.ID_CARD_BACK,
                ProofKind.HOLDING_ID));
        if (specialMajor) {
            kinds.add(ProofKind.EDUCATION_PROOF);
            kinds.add(ProofKind.EMPLOYER_PROOF);
        }
        return List.copyOf(kinds);
    }

    /** The kind of a proof this candidate is asked for; 400 {@code PROOF_KIND_NOT_REQUIRED} for any other. */
    public ProofKind requiredKind(String code) {
        return ProofKind.of(code).filter(requiredProofs()::contains)
                .orElseThrow(() -> Refusal.invalid("PROOF_KIND_NOT_REQUIRED",
                        "证明材料类型须为：" + names(requiredProofs())));
    }

    /** Proofs are added or replaced only while a (re)submission is being prepared. */
    public void refuseProofChange() {
        switch (status) {
            case PROOFS_REQUIRED, REJECTED -> {
            }
            case IN_REVIEW -> throw Refusal.conflict("MANUAL_REVIEW_OPEN", "已提交人工审核，审核结束前不能更改证明材料");
            case APPROVED -> throw Refusal.conflict("APPROVAL_APPROVED", "已审核通过，无需再上传证明材料");
            case PHOTO_REQUIRED, CHECKING -> throw Refusal.conflict("PROOFS_NOT_REQUIRED",
                    "当前无需上传证明材料：请先上传报名照片，等待人像比对结果");
        }
    }

    /**
     * The candidate submits the review: every required proof and a submitted photo must be there (400 names what
     * is missing); 人工审核中 until a reviewer decides.
     */
    public Approval submitted(Set<ProofKind> uploaded, Instant at) {
        refuseProofChange();
        List<ProofKind> missing = requiredProofs().stream().filter(kind -> !uploaded.contains(kind)).toList();
        if (!missing.isEmpty()) {
            throw Refusal.invalid("PROOFS_MISSING", "请先上传：" + names(missing));
        }
        if (photoId == null) {
            throw Refusal.invalid("PHOTO_REQUIRED", "请先上传报名照片，再提交审核");
        }
        Approval next = moved(ApprovalStatus.IN_REVIEW, at);
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, next.status, cause,
                failedComparisons, null, photoId, at);
    }

    /** The reviewer's decision of the submitted review; a rejection keeps its reason for the candidate. */
    public Approval decided(boolean approved, String reason, Instant at) {
        Approval next = moved(approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, at);
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, next.status,
                cause, failedComparisons, approved ? null : reason, photoId, at);
    }

    /** The Chinese reason the candidate reads: the rejection's, or why proofs are needed; null otherwise. */
    public String reason() {
        return switch (status) {
            case REJECTED -> decisionReason;
            case PROOFS_REQUIRED, IN_REVIEW -> cause == null ? null : cause.explain(this);
            case PHOTO_REQUIRED, CHECKING, APPROVED -> null;
        };
    }

    /** Only an approved candidate may pay (the Shanghai payment reads this through ApprovalChanged). */
    public boolean mayPay() {
        return status == ApprovalStatus.APPROVED;
    }

    private Approval toReview(ReviewCause why, Instant at) {
        Approval next = moved(ApprovalStatus.PROOFS_REQUIRED, at);
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, next.status, why,
                failedComparisons, decisionReason, photoId, at);
    }

    private Approval withPhoto(UUID photo) {
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, status, cause,
                failedComparisons, decisionReason, photo, changedAt);
    }

    private Approval moved(ApprovalStatus next, Instant at) {
        if (!status.mayBecome(next)) {
            throw Refusal.conflict("APPROVAL_STATE", "当前审核状态为" + status.label() + "，不能变为" + next.label());
        }
        return new Approval(candidateId, bureau, universityCode, majorCode, idType, specialMajor, next, cause,
                failedComparisons, decisionReason, photoId, at);
    }

    private static String names(List<ProofKind> kinds) {
        return kinds.stream().map(ProofKind::displayName).collect(Collectors.joining("、"));
    }

    /**
     * What the comparisons of a candidate have come to so far (from the identity checks).
     *
     * @param latest null when none was queued
     */
    public record ComparisonsSoFar(UUID latestPhotoId, Comparison latest, int failures) {
    }

    /** A comparison's state as the approval reads it. */
    public enum Comparison {
        PENDING, MATCHED, MISMATCHED, NO_REFERENCE
    }
}
