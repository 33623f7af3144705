package org.baokao.account.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** SST-1: 我同意 to the 考生诚信承诺书 counts only for the version the bureau publishes now. */
class IntegrityPledgeConsentTest {

    @Test
    void theCurrentVersionAgreedToIsRecorded() {
        assertThat(IntegrityPledgeConsent.agreedVersion("2026-09", true, "2026-09")).isEqualTo("2026-09");
        assertThat(IntegrityPledgeConsent.agreedVersion("2026-09", true, " 2026-09 ")).isEqualTo("2026-09");
    }

    @Test
    void withoutAgreementItIsRefused() {
        for (Boolean agreed : new Boolean[] {false, null}) {
            assertThatThrownBy(() -> IntegrityPledgeConsent.agreedVersion("2026-09", agreed, "2026-09"))
                    .isInstanceOf(Refusal.class).extracting("code").isEqualTo("PLEDGE_REQUIRED");
        }
    }

    @Test
    void anOlderOrUnknownVersionIsAConflictAskingToReadItAgain() {
        for (String read : new String[] {"2025-09", null, ""}) {
            assertThatThrownBy(() -> IntegrityPledgeConsent.agreedVersion("2026-09", true, read))
                    .isInstanceOf(Refusal.class)
                    .satisfies(refusal -> {
                        assertThat(((Refusal) refusal).code()).isEqualTo("PLEDGE_VERSION_OUTDATED");
                        assertThat(((Refusal) refusal).kind()).isEqualTo(Refusal.Kind.CONFLICT);
                        assertThat(refusal.getMessage()).contains("请重新阅读");
                    });
        }
    }

    @Test
    void aBureauWithoutAPledgeAsksForNone() {
        assertThat(IntegrityPledgeConsent.agreedVersion(null, null, null)).isNull();
    }
}
