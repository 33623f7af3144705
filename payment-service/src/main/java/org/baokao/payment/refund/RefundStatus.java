package org.baokao.payment.refund;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Transitions;

/**
 * A refund's life: PENDING from the moment the payment it returns is recorded, SUCCEEDED once the bank refunded it.
 * A bank that is down or refuses leaves it PENDING, to be tried again; it never goes back.
 */
@DomainModel
enum RefundStatus {
    PENDING,
    SUCCEEDED;

    private static final Transitions<RefundStatus> TRANSITIONS = Transitions.of(RefundStatus.class)
            .allow(PENDING, SUCCEEDED);

    boolean mayBecome(RefundStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
