package org.baokao.account.phonechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ACC-8: a pending phone-change request is decided once; a decided one cannot change again. */
class PhoneChangeStatusTest {

    @ParameterizedTest
    @EnumSource(value = PhoneChangeStatus.class, names = { "APPROVED", "REJECTED", "WITHDRAWN" })
    void aPendingRequestMayBeDecidedEitherWay(PhoneChangeStatus decision) {
        assertThat(PhoneChangeStatus.PENDING.to(decision)).isEqualTo(decision);
        assertThat(PhoneChangeStatus.PENDING.isOpen()).isTrue();
        assertThat(decision.isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PhoneChangeStatus.class, names = { "APPROVED", "REJECTED", "WITHDRAWN" })
    void aDecidedRequestStaysDecidedAndSaysHow(PhoneChangeStatus decided) {
        for (PhoneChangeStatus next : PhoneChangeStatus.values()) {
            assertThatThrownBy(() -> decided.to(next)).isInstanceOfSatisfying(Refusal.class, refusal -> {
                assertThat(refusal.code()).isEqualTo("PHONE_CHANGE_DECIDED");
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                assertThat(refusal.getMessage()).contains(decided.label());
            });
        }
    }

    @Test
    void pendingCannotBecomePendingAgain() {
        assertThatThrownBy(() -> PhoneChangeStatus.PENDING.to(PhoneChangeStatus.PENDING)).isInstanceOf(Refusal.class);
    }
}
