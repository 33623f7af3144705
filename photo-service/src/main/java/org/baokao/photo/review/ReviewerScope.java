package org.baokao.photo.review;

import org.baokao.domain.DomainModel;
import org.baokao.domain.operator.Operator;

/**
 * Which reviews an operator sees and decides (PHO-5, contract 4 of the Shanghai design; OPS-3): only their own
 * bureau's, and a 主考学校审核员 (university-reviewer, the token's claim {@code university}) only the reviews of that
 * university's candidates; a bureau-wide role (bureau-admin, auditor) every review of the bureau. A roster bureau's
 * review names no bureau and belongs to the default bureau (as a token from before bureaus does, BUR-1) and to no
 * university. Anything else is as if it did not exist (404).
 *
 * @param bureau         the bureau the operator addresses (their token's, checked before any endpoint)
 * @param defaultBureau  the bureau a review without one belongs to
 * @param universityCode null for a bureau-wide operator; the one university of a reviewer
 * @param nothing        a scoped operator with no university: sees no review at all
 */
@DomainModel
record ReviewerScope(String bureau, String defaultBureau, String universityCode, boolean nothing) {

    static ReviewerScope of(Operator operator, String defaultBureau) {
        if (operator.seesWholeBureau()) {
            return new ReviewerScope(operator.bureau(), defaultBureau, null, false);
        }
        return new ReviewerScope(operator.bureau(), defaultBureau, operator.university(),
                operator.university() == null);
    }

    boolean bureauWide() {
        return universityCode == null && !nothing;
    }

    /** Whether the review's bureau is the operator's (a roster review's is the default bureau). */
    boolean includesRosterReviews() {
        return bureau.equals(defaultBureau);
    }

    boolean sees(ManualReview review) {
        String reviewBureau = review.bureau() == null ? defaultBureau : review.bureau();
        if (nothing || !bureau.equals(reviewBureau)) {
            return false;
        }
        return bureauWide() || universityCode.equals(review.universityCode());
    }
}
