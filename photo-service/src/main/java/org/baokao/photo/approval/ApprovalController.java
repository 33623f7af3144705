package org.baokao.photo.approval;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 审核状态 of a new candidate (SST-2, ENR-10, PHO-5): the home page and the proofs page read where the approval
 * stands, why, and which proofs a submission needs.
 */
@RestController
class ApprovalController {

    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/api/photos/approval")
    @PreAuthorize("hasRole('candidate')")
    ApprovalView mine(@AuthenticationPrincipal Jwt token) {
        Approval approval = candidate(token).flatMap(approvals::find).orElseThrow(() -> Refusal.notFound(
                "APPROVAL_NOT_FOUND", "暂无审核信息：新考生注册后片刻即可查看，请稍后刷新"));
        return new ApprovalView(approval.status().name(), approval.status().label(), approval.reason(),
                approval.failedComparisons(), approval.requiredProofs().stream().map(Enum::name).toList(),
                approval.photoId(), approval.universityCode(), approval.mayPay());
    }

    private static java.util.Optional<UUID> candidate(Jwt token) {
        try {
            return java.util.Optional.of(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * @param requiredProofs what a submission needs: {@code ID_CARD_FRONT}, {@code ID_CARD_BACK}, {@code HOLDING_ID},
     *                       and for a special major {@code EDUCATION_PROOF}, {@code EMPLOYER_PROOF}
     * @param photoId        the submitted photo a review looks at, null before one was submitted
     */
    record ApprovalView(String status, String label, String reason, int failedComparisons, List<String> requiredProofs,
            UUID photoId, String universityCode, boolean mayPay) {
    }
}
