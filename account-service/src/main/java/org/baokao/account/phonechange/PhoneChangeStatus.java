package org.baokao.account.phonechange;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.Transitions;

/**
 * A phone-change request's life (ACC-8): 审核中 until an operator approves (已通过) or rejects it (未通过, with the
 * reason), or the candidate withdraws it (已撤回); every decision is final. The label is what the candidate reads.
 */
@DomainModel
public enum PhoneChangeStatus {
    PENDING("审核中"),
    APPROVED("已通过"),
    REJECTED("未通过"),
    WITHDRAWN("已撤回");

    private static final Transitions<PhoneChangeStatus> TRANSITIONS = Transitions.of(PhoneChangeStatus.class)
            .allow(PENDING, APPROVED, REJECTED, WITHDRAWN);

    private final String label;

    PhoneChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The open request a candidate may have only one of. */
    public boolean isOpen() {
        return this == PENDING;
    }

    /** The next status; 409 {@code PHONE_CHANGE_DECIDED} once the request is decided. */
    public PhoneChangeStatus to(PhoneChangeStatus next) {
        if (!TRANSITIONS.allows(this, next)) {
            throw Refusal.conflict("PHONE_CHANGE_DECIDED", "该申请已处理（" + label + "），不能重复处理");
        }
        return next;
    }
}
