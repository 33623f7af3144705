package org.baokao.photo.approval;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Transitions;

/**
 * Where a new candidate of an open registration (Shanghai 新考生, SST-2) stands on the way to being approved
 * (ENR-10, PHO-5). A 居民身份证 is compared with the public-security photo: 待上传照片 → 核验中 → 审核通过, or back to
 * 待上传照片 after a failed comparison until the third, which needs proofs. Any other document, a special major or a
 * provider without a reference photo needs proofs from the start: 待上传证明材料 → 人工审核中 (submitted) → 审核通过 or
 * 审核未通过 (with a reason), and after a rejection the candidate uploads again and resubmits. Only 审核通过 is final,
 * and only it lets the candidate pay.
 */
@DomainModel
public enum ApprovalStatus {
    PHOTO_REQUIRED("待上传照片"),
    CHECKING("核验中"),
    APPROVED("审核通过"),
    PROOFS_REQUIRED("待上传证明材料"),
    IN_REVIEW("人工审核中"),
    REJECTED("审核未通过");

    static final Transitions<ApprovalStatus> TRANSITIONS = Transitions.of(ApprovalStatus.class)
            .allow(PHOTO_REQUIRED, CHECKING)
            .allow(CHECKING, APPROVED, PHOTO_REQUIRED, PROOFS_REQUIRED)
            .allow(PROOFS_REQUIRED, IN_REVIEW)
            .allow(IN_REVIEW, APPROVED, REJECTED)
            .allow(REJECTED, IN_REVIEW);

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    /** What the candidate reads. */
    public String label() {
        return label;
    }

    public boolean mayBecome(ApprovalStatus next) {
        return TRANSITIONS.allows(this, next);
    }

    /** While proofs are gathered for a (re)submission: the first time, or after a rejection. */
    public boolean takesProofs() {
        return this == PROOFS_REQUIRED || this == REJECTED;
    }
}
