package org.baokao.photo.review;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.Transitions;

/**
 * A manual review's life (PHO-5): 人工审核中 until an operator approves or rejects it, once. A new candidate of an
 * open registration (Shanghai) first gathers the proofs (待考生提交, not yet the reviewers') and submits them; a roster
 * bureau's review (Shandong) is opened at once.
 */
@DomainModel
public enum ManualReviewStatus {
    COLLECTING("待考生提交"),
    OPEN("人工审核中"),
    APPROVED("人工审核通过"),
    REJECTED("人工审核未通过");

    static final Transitions<ManualReviewStatus> TRANSITIONS = Transitions.of(ManualReviewStatus.class)
            .allow(COLLECTING, OPEN)
            .allow(OPEN, APPROVED, REJECTED);

    private final String label;

    ManualReviewStatus(String label) {
        this.label = label;
    }

    /** What the candidate and the operator read. */
    public String label() {
        return label;
    }

    /** The candidate submits the gathered proofs: the reviewers' from now on. */
    ManualReviewStatus submit() {
        if (!TRANSITIONS.allows(this, OPEN)) {
            throw Refusal.conflict("MANUAL_REVIEW_SUBMITTED", "该人工审核已提交，不能重复提交");
        }
        return OPEN;
    }

    /** Only an OPEN review may be claimed (OPS-3): the same refusals as a decision. */
    void requireOpen() {
        if (this != OPEN) {
            decide(true);
        }
    }

    /**
     * The decision; 409 {@code MANUAL_REVIEW_DECIDED} when the review was decided before, 409
     * {@code MANUAL_REVIEW_NOT_SUBMITTED} while the candidate is still gathering the proofs.
     */
    ManualReviewStatus decide(boolean approved) {
        if (this == COLLECTING) {
            throw Refusal.conflict("MANUAL_REVIEW_NOT_SUBMITTED", "考生尚未提交审核，不能处理");
        }
        ManualReviewStatus next = approved ? APPROVED : REJECTED;
        if (!TRANSITIONS.allows(this, next)) {
            throw Refusal.conflict("MANUAL_REVIEW_DECIDED", "该人工审核已处理（"
                    + (this == APPROVED ? "已通过" : "未通过") + "），不能重复处理");
        }
        return next;
    }
}
