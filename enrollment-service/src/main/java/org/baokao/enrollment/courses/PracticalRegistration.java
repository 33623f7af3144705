package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.enrollment.exam.PracticalPayment;

/**
 * A practical course (实践课) the candidate registered for (ENR-9). The platform takes no money for it (seed 004 §3(3):
 * 实践课缴费以院校通知为准，报名网站上不再提供代收服务): ticking it registers it, either simply or waiting for the
 * university's review, as the plan marks the course. The review (OPS-3, the console's 实践课审核) decides once:
 * <pre>
 *  tick ─► REGISTERED                         (paid at the university)
 *  tick ─► AWAITING_REVIEW ─approve─► APPROVED (then paid at the university)
 *                          └─reject──► REJECTED (with the reason; unticking and ticking again asks anew)
 * </pre>
 * {@code review} is null until decided.
 */
@DomainModel
public record PracticalRegistration(CourseRef ref, State state, Instant registeredAt, Review review) {

    public PracticalRegistration {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registeredAt, "registeredAt");
        if ((state == State.APPROVED || state == State.REJECTED) != (review != null)) {
            throw new IllegalArgumentException("a review exactly when decided: " + state);
        }
    }

    public PracticalRegistration(CourseRef ref, State state, Instant registeredAt) {
        this(ref, state, registeredAt, null);
    }

    /** The university's decision: who decided, when, and the reason (required to reject, optional to approve). */
    public record Review(String reason, String reviewer, Instant decidedAt) {

        public Review {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(decidedAt, "decidedAt");
        }
    }

    /**
     * The university's decision on a course waiting for it. 409 {@code PRACTICAL_REVIEW_DECIDED} once decided (two
     * reviewers never both decide: the second finds it decided); 400 {@code REASON_REQUIRED} for a rejection without a
     * reason.
     */
    public PracticalRegistration decide(boolean approve, String reason, String reviewer, Instant now) {
        if (state != State.AWAITING_REVIEW) {
            throw Refusal.conflict("PRACTICAL_REVIEW_DECIDED", "该实践课程报考已审核或无需审核，请刷新后查看");
        }
        String kept = approve ? AuditReason.optional(reason) : AuditReason.require(reason);
        return new PracticalRegistration(ref, approve ? State.APPROVED : State.REJECTED, registeredAt,
                new Review(kept, reviewer, now));
    }

    public enum State {
        REGISTERED("已报考（缴费以院校通知为准）"), AWAITING_REVIEW("待主考学校审核"),
        APPROVED("审核通过（缴费以院校通知为准）"), REJECTED("审核未通过");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A course paid at the university is registered at once; one reviewed before payment waits for it. */
        public static State of(PracticalPayment payment) {
            return payment == PracticalPayment.REVIEW_BEFORE_PAYMENT ? AWAITING_REVIEW : REGISTERED;
        }
    }
}
