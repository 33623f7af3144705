package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** PHO-5, contract 4: a reviewer of a university sees only its candidates' reviews; no claim is bureau-wide. */
class ReviewerScopeTest {

    private static ManualReview reviewOf(String university) {
        return new ManualReview(UUID.randomUUID(), UUID.randomUUID(), null, ManualReviewStatus.OPEN, "NON_RESIDENT_ID",
                null, null, Instant.now(), null, university == null ? null : "sh", university);
    }

    @Test
    void aUniversitysReviewerSeesOnlyItsReviews() {
        ReviewerScope fudan = ReviewerScope.ofClaim("10246");

        assertThat(fudan.bureauWide()).isFalse();
        assertThat(fudan.sees(reviewOf("10246"))).isTrue();
        assertThat(fudan.sees(reviewOf("10268"))).isFalse();
        assertThat(fudan.sees(reviewOf(null))).as("a roster bureau's review belongs to no university").isFalse();
    }

    @Test
    void withoutTheClaimAnOperatorIsBureauWide() {
        for (String claim : new String[] { null, "", "  " }) {
            ReviewerScope scope = ReviewerScope.ofClaim(claim);
            assertThat(scope.bureauWide()).isTrue();
            assertThat(scope.sees(reviewOf("10246"))).isTrue();
            assertThat(scope.sees(reviewOf(null))).isTrue();
        }
    }
}
