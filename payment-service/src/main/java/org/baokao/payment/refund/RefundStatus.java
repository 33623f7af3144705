package org.baokao.payment.refund;

import org.baokao.domain.DomainModel;

/**
 * A refund's life: PENDING from the moment the payment it returns is recorded, SUCCEEDED once the bank refunded it.
 * A bank that is down or refuses leaves it PENDING, to be tried again; it never goes back. {@link Refunds} keeps the
 * rule in its one update ({@code set status = SUCCEEDED where status = PENDING}), so two sweeps never refund twice.
 */
@DomainModel
enum RefundStatus {
    PENDING,
    SUCCEEDED
}
