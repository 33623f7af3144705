package org.baokao.photo.review;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.Transitions;

/** A manual review's life (PHO-5): 人工审核中 until an operator approves or rejects it, once. */
@DomainModel
public enum ManualReviewStatus {
    OPEN("人工审核中"),
    APPROVED("人工审核通过"),
    REJECTED("人工审核未通过");

    private static final Transitions<ManualReviewStatus> TRANSITIONS = Transitions.of(ManualReviewStatus.class)
            .allow(OPEN, APPROVED, REJECTED);

    private final String label;

    ManualReviewStatus(String label) {
        this.label = label;
    }

    /** What the candidate and the operator read. */
    public String label() {
        return label;
    }

    /** The decision; 409 {@code MANUAL_REVIEW_DECIDED} when the review was decided before. */
    ManualReviewStatus decide(boolean approved) {
        ManualReviewStatus next = approved ? APPROVED : REJECTED;
        if (!TRANSITIONS.allows(this, next)) {
            throw Refusal.conflict("MANUAL_REVIEW_DECIDED", "该人工审核已处理（"
                    + (this == APPROVED ? "已通过" : "未通过") + "），不能重复处理");
        }
        return next;
    }
}
