package org.baokao.photo.identity;

import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.photo.review.ManualReviewStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate's 身份核验状态 as photo-service sees it (PHO-4): 核验中 while the check is pending, whatever the
 * provider is doing, then 比对通过 / 比对未通过 / 人工审核中 and the manual review's outcome.
 */
@RestController
class IdentityStatusController {

    private final IdentityChecks checks;

    IdentityStatusController(IdentityChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/api/photos/identity-check")
    @PreAuthorize("hasRole('candidate')")
    StatusView status(@AuthenticationPrincipal Jwt token) {
        UUID candidate;
        try {
            candidate = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("IDENTITY_CHECK_NOT_FOUND", "尚未提交照片");
        }
        IdentityChecks.CheckView check = checks.latest(candidate)
                .orElseThrow(() -> Refusal.notFound("IDENTITY_CHECK_NOT_FOUND", "尚未提交照片"));
        ManualReviewStatus review = checks.latestManualReviewStatus(candidate).orElse(null);
        int failures = checks.failures(candidate);
        // a pending comparison says 核验中 whatever an earlier review said; after it, the review's outcome counts
        String label = review == null || !check.status().isDecided() ? check.status().label() : review.label();
        return new StatusView(check.id(), check.photoId(), check.status().name(), label, failures,
                review == null ? null : review.name(), check.queuedAt(), check.decidedAt());
    }

    record StatusView(UUID checkId, UUID photoId, String status, String label, int failedAttempts,
            String manualReview, Instant queuedAt, Instant decidedAt) {
    }
}
