package org.baokao.enrollment.courses;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Transitions;

/**
 * Where a course order stands (ENR-9, SST-6; seed 004 §3(2)–(4)):
 *
 * <pre>
 *  结算 ─► AWAITING_PLEDGE ─我同意 (pledge)─► PLACED ─PaymentSucceeded─► PAID
 *              │  └─ withdrawn ─► WITHDRAWN (its courses back to 已选择)     │
 *              └───── registration closes ─► LAPSED ◄── registration closes ─┘ (PLACED)
 *  LAPSED ─PaymentSucceeded paid before the close─► PAID   (the money came in time, the event late)
 *  PAID ─PaymentRefunded of the paying payment─► PLACED (before the close) | LAPSED (after it)
 * </pre>
 *
 * Courses count only when PAID; AWAITING_PLEDGE and PLACED are unpaid: while one is, no new theory course is chosen
 * (追加课程 only after every earlier order is paid). WITHDRAWN holds nothing; LAPSED holds nothing but is shown (已失效).
 */
@DomainModel
public enum CourseOrderStatus {
    AWAITING_PLEDGE("待确认承诺书"),
    PLACED("未支付"),
    PAID("已支付"),
    LAPSED("已失效"),
    WITHDRAWN("已撤销");

    private static final Transitions<CourseOrderStatus> TRANSITIONS = Transitions.of(CourseOrderStatus.class)
            .allow(AWAITING_PLEDGE, PLACED, WITHDRAWN, LAPSED)
            .allow(PLACED, PAID, LAPSED)
            .allow(LAPSED, PAID)
            .allow(PAID, PLACED, LAPSED);

    private final String label;

    CourseOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Not paid yet and still able to be: blocks 追加课程. */
    public boolean isUnpaid() {
        return this == AWAITING_PLEDGE || this == PLACED;
    }

    /** Its courses take their half-day slots: unpaid or paid, not lapsed or withdrawn. */
    public boolean holdsSlots() {
        return isUnpaid() || this == PAID;
    }

    public boolean allows(CourseOrderStatus next) {
        return TRANSITIONS.allows(this, next);
    }

    /** The next status; a move the table does not allow is a bug of the caller, who checks the rule first. */
    CourseOrderStatus moveTo(CourseOrderStatus next) {
        if (!allows(next)) {
            throw new IllegalStateException("course order cannot go from " + this + " to " + next);
        }
        return next;
    }
}
