package org.baokao.domain.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** OPS-3 claim-and-decide, the rules every review desk shares: claim, renewal, lapse, holder, in the desk's words. */
class CaseClaimTest {

    private static final Instant NOW = Instant.parse("2026-09-01T06:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final CaseClaim.Desk DESK = new CaseClaim.Desk("PHONE_CHANGE", "申请");

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
        CaseClaim held = CaseClaim.take(null, "a", CaseClaim.holderOf("王五", "admin-sh"), NOW, HOLD, DESK);

        // 06:15 UTC is 14:15 in Beijing
        assertThat(code(() -> CaseClaim.take(held, "b", "b", NOW, HOLD, DESK)))
                .isEqualTo("PHONE_CHANGE_CLAIMED: 该申请已由王五（admin-sh）领取（14:15前有效），请处理其他申请");
        assertThat(CaseClaim.take(held, "a", "王五（admin-sh）", NOW.plusSeconds(60), HOLD, DESK).until())
                .as("the holder renews").isEqualTo(NOW.plusSeconds(60).plus(HOLD));
        assertThat(CaseClaim.take(held, "b", "b", NOW.plus(HOLD), HOLD, DESK).subject()).as("after the lapse")
                .isEqualTo("b");
    }

    @Test
    void ops3_onlyTheHolderOfALiveClaimDecidesOrReleases() {
        CaseClaim held = CaseClaim.take(null, "a", "a", NOW, HOLD, DESK);

        assertThat(code(() -> CaseClaim.requireHeldBy(held, "a", NOW, DESK))).isNull();
        assertThat(code(() -> CaseClaim.requireHeldBy(null, "a", NOW, DESK)))
                .isEqualTo("PHONE_CHANGE_CLAIM_REQUIRED: 请先领取该申请，再作出审核决定");
        assertThat(code(() -> CaseClaim.requireHeldBy(held, "a", NOW.plus(HOLD), DESK)))
                .startsWith("PHONE_CHANGE_CLAIM_REQUIRED");
        assertThat(code(() -> CaseClaim.requireHeldBy(held, "b", NOW, DESK))).startsWith("PHONE_CHANGE_CLAIMED");
        assertThat(code(() -> CaseClaim.requireReleasableBy(held, "b", NOW, DESK)))
                .isEqualTo("PHONE_CHANGE_NOT_CLAIMED: 您未领取该申请，无需释放");
        assertThat(code(() -> CaseClaim.requireReleasableBy(held, "a", NOW, DESK))).isNull();
    }

    @Test
    void colleaguesReadTheNameAndTheLoginName() {
        assertThat(CaseClaim.holderOf("张三", "reviewer-a")).isEqualTo("张三（reviewer-a）");
        assertThat(CaseClaim.holderOf(null, "reviewer-a")).isEqualTo("reviewer-a");
        assertThat(CaseClaim.holderOf("reviewer-a", "reviewer-a")).isEqualTo("reviewer-a");
    }
}
