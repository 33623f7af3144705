package org.baokao.account.phonechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** OPS-3 claim-and-decide on phone-change requests, the rules alone: claim, lapse, holder, decided requests. */
class PhoneChangeClaimTest {

    private static final Instant NOW = Instant.parse("2026-09-01T06:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            return refusal.code() + ": " + refusal.getMessage();
        }
        return null;
    }

    @Test
    void ops3_aLiveClaimOfAnotherIsRefusedNamingTheHolderUntilItLapses() {
        PhoneChangeClaim held = PhoneChangeClaim.take(PhoneChangeStatus.PENDING, null, "a", "王五（admin-sh）", NOW, HOLD);

        assertThat(code(() -> PhoneChangeClaim.take(PhoneChangeStatus.PENDING, held, "b", "b", NOW, HOLD)))
                .isEqualTo("PHONE_CHANGE_CLAIMED: 该申请已由王五（admin-sh）领取（14:15前有效），请处理其他申请");
        assertThat(PhoneChangeClaim.take(PhoneChangeStatus.PENDING, held, "b", "b", NOW.plus(HOLD), HOLD).subject())
                .isEqualTo("b");
        assertThat(code(() -> PhoneChangeClaim.take(PhoneChangeStatus.APPROVED, null, "a", "a", NOW, HOLD)))
                .startsWith("PHONE_CHANGE_DECIDED");
        assertThat(code(() -> PhoneChangeClaim.take(PhoneChangeStatus.WITHDRAWN, null, "a", "a", NOW, HOLD)))
                .startsWith("PHONE_CHANGE_DECIDED");
    }

    @Test
    void ops3_onlyTheHolderOfALiveClaimDecidesOrReleases() {
        PhoneChangeClaim held = PhoneChangeClaim.take(PhoneChangeStatus.PENDING, null, "a", "a", NOW, HOLD);

        assertThat(code(() -> PhoneChangeClaim.requireHeldBy(held, "a", NOW))).isNull();
        assertThat(code(() -> PhoneChangeClaim.requireHeldBy(null, "a", NOW))).startsWith("PHONE_CHANGE_CLAIM_REQUIRED");
        assertThat(code(() -> PhoneChangeClaim.requireHeldBy(held, "a", NOW.plus(HOLD))))
                .startsWith("PHONE_CHANGE_CLAIM_REQUIRED");
        assertThat(code(() -> PhoneChangeClaim.requireHeldBy(held, "b", NOW))).startsWith("PHONE_CHANGE_CLAIMED");
        assertThat(code(() -> PhoneChangeClaim.requireReleasableBy(held, "b", NOW)))
                .startsWith("PHONE_CHANGE_NOT_CLAIMED");
        assertThat(code(() -> PhoneChangeClaim.requireReleasableBy(held, "a", NOW))).isNull();
    }
}
