package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.courses.PracticalRegistration.State;
import org.junit.jupiter.api.Test;

/** SST-5, OPS-3: a practical course waiting for its university's review is decided once, a rejection with its reason. */
class PracticalRegistrationTest {

    private static final Instant TICKED = Instant.parse("2026-09-02T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-09-03T02:00:00Z");
    private static final CourseRef THESIS = new CourseRef("10246", "10002");

    private final PracticalRegistration waiting = new PracticalRegistration(THESIS, State.AWAITING_REVIEW, TICKED);

    @Test
    void anApprovalKeepsWhoAndWhenAndAnOptionalNote() {
        PracticalRegistration approved = waiting.decide(true, "  ", "复旦大学 审核员", NOW);

        assertThat(approved.state()).isEqualTo(State.APPROVED);
        assertThat(approved.review()).isEqualTo(new PracticalRegistration.Review(null, "复旦大学 审核员", NOW));
        assertThat(approved.registeredAt()).isEqualTo(TICKED);
    }

    @Test
    void aRejectionNeedsItsReason() {
        assertThatThrownBy(() -> waiting.decide(false, null, "审核员", NOW)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("REASON_REQUIRED"));

        PracticalRegistration rejected = waiting.decide(false, " 材料不全 ", "审核员", NOW);
        assertThat(rejected.state()).isEqualTo(State.REJECTED);
        assertThat(rejected.review().reason()).isEqualTo("材料不全");
    }

    @Test
    void onlyACourseWaitingForReviewIsDecidedAndOnlyOnce() {
        PracticalRegistration approved = waiting.decide(true, null, "审核员", NOW);
        PracticalRegistration atUniversity = new PracticalRegistration(THESIS, State.REGISTERED, TICKED);

        for (PracticalRegistration decided : new PracticalRegistration[] {approved, atUniversity}) {
            assertThatThrownBy(() -> decided.decide(false, "再审", "另一位审核员", NOW))
                    .isInstanceOfSatisfying(Refusal.class,
                            refusal -> assertThat(refusal.code()).isEqualTo("PRACTICAL_REVIEW_DECIDED"));
        }
    }
}
