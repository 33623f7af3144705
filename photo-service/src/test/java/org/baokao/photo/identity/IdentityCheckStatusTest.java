package org.baokao.photo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PHO-4: a comparison is 核验中 until the provider answers, then decided once by that answer. */
class IdentityCheckStatusTest {

    @Test
    void theProvidersAnswerDecidesTheStatus() {
        assertThat(IdentityCheckStatus.of(ComparisonResult.MATCH)).isEqualTo(IdentityCheckStatus.MATCHED);
        assertThat(IdentityCheckStatus.of(ComparisonResult.NO_MATCH)).isEqualTo(IdentityCheckStatus.MISMATCHED);
        assertThat(IdentityCheckStatus.of(ComparisonResult.NO_REFERENCE)).isEqualTo(IdentityCheckStatus.NO_REFERENCE);
    }

    @Test
    void onlyAPendingCheckIsDecidedAndADecisionIsFinal() {
        for (ComparisonResult answer : ComparisonResult.values()) {
            IdentityCheckStatus decided = IdentityCheckStatus.of(answer);
            assertThat(IdentityCheckStatus.PENDING.mayBecome(decided)).isTrue();
            assertThat(decided.isDecided()).isTrue();
            for (IdentityCheckStatus next : IdentityCheckStatus.values()) {
                assertThat(decided.mayBecome(next)).as(decided + " -> " + next).isFalse();
            }
        }
        assertThat(IdentityCheckStatus.PENDING.isDecided()).isFalse();
        assertThat(IdentityCheckStatus.PENDING.mayBecome(IdentityCheckStatus.PENDING)).isFalse();
    }

    @Test
    void labels() {
        assertThat(IdentityCheckStatus.PENDING.label()).isEqualTo("核验中");
        assertThat(IdentityCheckStatus.MATCHED.label()).isEqualTo("比对通过");
        assertThat(IdentityCheckStatus.MISMATCHED.label()).isEqualTo("比对未通过");
    }
}
