package org.baokao.photo.identity;

import java.util.UUID;

import org.baokao.photo.approval.Approval;
import org.baokao.photo.approval.ComparisonHistory;
import org.springframework.stereotype.Component;

/** The comparisons of a candidate as the approval reads them when it starts after them (see {@link ComparisonHistory}). */
@Component
class ComparisonsForApproval implements ComparisonHistory {

    private final IdentityChecks checks;
    private final IdentityProperties properties;

    ComparisonsForApproval(IdentityChecks checks, IdentityProperties properties) {
        this.checks = checks;
        this.properties = properties;
    }

    @Override
    public Approval.ComparisonsSoFar soFar(UUID candidateId) {
        return checks.latest(candidateId)
                .map(latest -> new Approval.ComparisonsSoFar(latest.photoId(), comparison(latest.status()),
                        checks.failures(candidateId)))
                .orElse(new Approval.ComparisonsSoFar(null, null, 0));
    }

    @Override
    public int failuresBeforeReview() {
        return properties.failuresBeforeReview();
    }

    private static Approval.Comparison comparison(IdentityCheckStatus status) {
        return switch (status) {
            case PENDING -> Approval.Comparison.PENDING;
            case MATCHED -> Approval.Comparison.MATCHED;
            case MISMATCHED -> Approval.Comparison.MISMATCHED;
            case NO_REFERENCE -> Approval.Comparison.NO_REFERENCE;
        };
    }
}
