package org.baokao.payment.order;

import org.baokao.domain.DomainModel;

/** What became of money a bank reported: it settled its order, or it cannot and is refunded. */
@DomainModel
enum BankPaymentOutcome {
    SETTLED,
    REFUNDED
}
