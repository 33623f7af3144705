package org.baokao.photo.approval;

import java.util.UUID;

/**
 * What the identity comparisons of a candidate have come to, for an approval that starts after they began
 * (implemented by the identity feature, which owns the comparisons: the approval does not depend on it).
 */
public interface ComparisonHistory {

    Approval.ComparisonsSoFar soFar(UUID candidateId);

    /** Failed comparisons after which a candidate needs proofs ({@code baokao.photo.identity.failures-before-review}). */
    int failuresBeforeReview();
}
