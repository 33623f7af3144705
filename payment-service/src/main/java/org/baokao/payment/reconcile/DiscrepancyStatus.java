package org.baokao.payment.reconcile;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.domain.Transitions;

/** A reconciliation discrepancy (PAY-6) is OPEN until an operator resolves it with a note, once. */
@DomainModel
enum DiscrepancyStatus {
    OPEN,
    RESOLVED;

    private static final Transitions<DiscrepancyStatus> TRANSITIONS = Transitions.of(DiscrepancyStatus.class)
            .allow(OPEN, RESOLVED);

    /** The status an operator's resolution leads to; 409 {@code DISCREPANCY_RESOLVED} if it was resolved before. */
    DiscrepancyStatus resolve() {
        if (!TRANSITIONS.allows(this, RESOLVED)) {
            throw Refusal.conflict("DISCREPANCY_RESOLVED", "该对账差异已处理");
        }
        return RESOLVED;
    }
}
