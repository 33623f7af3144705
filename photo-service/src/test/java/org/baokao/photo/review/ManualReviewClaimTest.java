package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** OPS-3 claim-and-decide, the rules alone: who may claim, release and decide a review, and when a claim lapses. */
class ManualReviewClaimTest {

    private static final Instant NOW = Instant.parse("2026-09-01T06:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);

    private static ManualReview open() {
        return new ManualReview(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ManualReviewStatus.OPEN,
                "TOO_MANY_FAILURES", null, null, NOW, null, "sh", "10246", null);
    }

    private static String code(Runnable action) {
        try {
            action.run();
        } catch (Refusal refusal) {
            return refusal.code();
        }
        return null;
    }

    @Test
    void ops3_aClaimHoldsTheCaseForItsDurationAndNamesTheHolderWithBeijingTime() {
        ManualReview claimed = open().claim("a", "张三（reviewer-a）", NOW, HOLD);

        assertThat(claimed.liveClaim(NOW.plus(HOLD).minusSeconds(1))).isNotNull();
        assertThat(claimed.liveClaim(NOW.plus(HOLD))).as("lapsed").isNull();
        assertThatThrownBy(() -> claimed.claim("b", "b", NOW.plusSeconds(60), HOLD))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("REVIEW_CLAIMED");
                    // 06:15 UTC is 14:15 in Beijing
                    assertThat(refusal.getMessage()).isEqualTo("该审核已由张三（reviewer-a）领取（14:15前有效），请处理其他审核");
                });
        assertThat(claimed.claim("a", "张三（reviewer-a）", NOW.plusSeconds(60), HOLD).claim().until())
                .as("the holder renews").isEqualTo(NOW.plusSeconds(60).plus(HOLD));
        assertThat(claimed.claim("b", "b", NOW.plus(HOLD), HOLD).claim().subject()).as("after the lapse").isEqualTo("b");
    }

    @Test
    void ops3_onlyTheHolderOfALiveClaimDecidesAndReleases() {
        ManualReview claimed = open().claim("a", "a", NOW, HOLD);

        assertThat(code(() -> open().decide(true, null, "a", "a", NOW))).isEqualTo("REVIEW_CLAIM_REQUIRED");
        assertThat(code(() -> claimed.decide(true, null, "b", "b", NOW))).isEqualTo("REVIEW_CLAIMED");
        assertThat(code(() -> claimed.decide(true, null, "a", "a", NOW.plus(HOLD)))).isEqualTo("REVIEW_CLAIM_REQUIRED");
        assertThat(code(() -> claimed.release("b", NOW))).isEqualTo("REVIEW_NOT_CLAIMED");
        assertThat(claimed.release("a", NOW).claim()).isNull();

        ManualReview decided = claimed.decide(false, " 证件照片不清晰 ", "a", "reviewer-a", NOW);
        assertThat(decided.status()).isEqualTo(ManualReviewStatus.REJECTED);
        assertThat(decided.decisionReason()).isEqualTo("证件照片不清晰");
        assertThat(decided.decidedBy()).isEqualTo("reviewer-a");
        assertThat(decided.claim()).isNull();
        assertThat(code(() -> decided.claim("a", "a", NOW, HOLD))).isEqualTo("MANUAL_REVIEW_DECIDED");
        assertThat(code(() -> decided.decide(true, null, "a", "a", NOW))).isEqualTo("MANUAL_REVIEW_DECIDED");
    }

    @Test
    void ops3_aReviewStillGatheredCannotBeClaimed() {
        ManualReview gathering = new ManualReview(UUID.randomUUID(), UUID.randomUUID(), null,
                ManualReviewStatus.COLLECTING, "PROOFS", null, null, NOW, null, "sh", "10246", null);

        assertThat(code(() -> gathering.claim("a", "a", NOW, HOLD))).isEqualTo("MANUAL_REVIEW_NOT_SUBMITTED");
    }
}
