package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.junit.jupiter.api.Test;

/**
 * PHO-5, contract 4, OPS-3: a reviewer of a university sees only its candidates' reviews of their own bureau; a
 * bureau-wide operator every review of the bureau (a roster review is the default bureau's), none of another bureau.
 */
class ReviewerScopeTest {

    private static ManualReview reviewOf(String bureau, String university) {
        return new ManualReview(UUID.randomUUID(), UUID.randomUUID(), null, ManualReviewStatus.OPEN, "NON_RESIDENT_ID",
                null, null, Instant.now(), null, bureau, university, null);
    }

    private static Operator operator(String bureau, String university, OperatorRole... roles) {
        return new Operator("subject", "user", "名字", bureau, Set.of(roles), null, university);
    }

    @Test
    void ops3_aUniversitysReviewerSeesOnlyItsReviews() {
        ReviewerScope fudan = ReviewerScope.of(operator("sh", "10246", OperatorRole.UNIVERSITY_REVIEWER), "sd");

        assertThat(fudan.bureauWide()).isFalse();
        assertThat(fudan.sees(reviewOf("sh", "10246"))).isTrue();
        assertThat(fudan.sees(reviewOf("sh", "10268"))).isFalse();
        assertThat(fudan.sees(reviewOf(null, null))).as("a roster bureau's review belongs to no university").isFalse();
    }

    @Test
    void ops3_aReviewerWithoutAUniversitySeesNothing() {
        ReviewerScope none = ReviewerScope.of(operator("sh", null, OperatorRole.UNIVERSITY_REVIEWER), "sd");

        assertThat(none.bureauWide()).isFalse();
        assertThat(none.sees(reviewOf("sh", "10246"))).isFalse();
        assertThat(none.sees(reviewOf("sh", null))).isFalse();
    }

    @Test
    void ops3_aBureauWideOperatorSeesTheirBureauOnly() {
        ReviewerScope shanghai = ReviewerScope.of(operator("sh", null, OperatorRole.BUREAU_ADMIN), "sd");
        ReviewerScope shandong = ReviewerScope.of(operator("sd", null, OperatorRole.AUDITOR), "sd");

        assertThat(shanghai.sees(reviewOf("sh", "10246"))).isTrue();
        assertThat(shanghai.sees(reviewOf(null, null))).as("a roster review is the default bureau's").isFalse();
        assertThat(shandong.sees(reviewOf(null, null))).isTrue();
        assertThat(shandong.sees(reviewOf("sh", "10246"))).isFalse();
    }
}
