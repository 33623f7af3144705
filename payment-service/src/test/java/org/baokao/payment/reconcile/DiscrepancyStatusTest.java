package org.baokao.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** PAY-6: an open discrepancy is resolved once; resolving it again is a conflict. */
class DiscrepancyStatusTest {

    @Test
    void anOpenDiscrepancyIsResolvedOnce() {
        assertThat(DiscrepancyStatus.OPEN.resolve()).isEqualTo(DiscrepancyStatus.RESOLVED);
        assertThatThrownBy(DiscrepancyStatus.RESOLVED::resolve).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("DISCREPANCY_RESOLVED"));
    }
}
