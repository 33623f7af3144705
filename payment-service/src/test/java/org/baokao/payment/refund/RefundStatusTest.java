package org.baokao.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refund is pending until the bank refunded it, and never goes back: money is returned once. */
class RefundStatusTest {

    @Test
    void aPendingRefundSucceedsOnceAndStaysSucceeded() {
        assertThat(RefundStatus.PENDING.mayBecome(RefundStatus.SUCCEEDED)).isTrue();
        assertThat(RefundStatus.SUCCEEDED.mayBecome(RefundStatus.PENDING)).isFalse();
        assertThat(RefundStatus.SUCCEEDED.mayBecome(RefundStatus.SUCCEEDED)).isFalse();
        assertThat(RefundStatus.PENDING.mayBecome(RefundStatus.PENDING)).isFalse();
    }
}
