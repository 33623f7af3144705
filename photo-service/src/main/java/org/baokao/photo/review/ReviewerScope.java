package org.baokao.photo.review;

import org.baokao.domain.DomainModel;

/**
 * Which reviews an operator sees and decides (PHO-5, contract 4 of the Shanghai design): a reviewer of an examining
 * university (主考学校; the token's claim {@code university}, a university code from their Keycloak user) only the
 * reviews of that university's candidates, anything else being as if it did not exist (404); an operator without the
 * claim is bureau-wide and sees every review, also the roster bureaus' (which belong to no university).
 */
@DomainModel
record ReviewerScope(String universityCode) {

    static final ReviewerScope BUREAU_WIDE = new ReviewerScope(null);

    /** From the token's claim; absent or blank is bureau-wide. */
    static ReviewerScope ofClaim(String university) {
        return university == null || university.isBlank() ? BUREAU_WIDE : new ReviewerScope(university.strip());
    }

    boolean bureauWide() {
        return universityCode == null;
    }

    boolean sees(ManualReview review) {
        return bureauWide() || universityCode.equals(review.universityCode());
    }
}
