package org.baokao.account.phonechange;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Operators review phone-change requests (ACC-8): pending ones with masked data, one request, its proof images
 * streamed through the service (each view audited, ACC-10), approve, or reject with a reason. A request already
 * decided answers 409.
 */
@RestController
@RequestMapping("/api/accounts/operations/phone-change-requests")
@PreAuthorize("hasRole('operator')")
class PhoneChangeReviewController {

    private final PhoneChanges phoneChanges;

    PhoneChangeReviewController(PhoneChanges phoneChanges) {
        this.phoneChanges = phoneChanges;
    }

    @GetMapping
    List<PhoneChanges.ReviewView> pending(@RequestParam(defaultValue = "50") int limit) {
        return phoneChanges.pending(limit);
    }

    @GetMapping("/{requestId}")
    PhoneChanges.ReviewView one(@PathVariable UUID requestId) {
        return phoneChanges.review(requestId);
    }

    @GetMapping("/{requestId}/proofs/{proof}")
    void proof(@PathVariable UUID requestId, @PathVariable String proof, Authentication operator,
            HttpServletRequest http, HttpServletResponse response) throws Exception {
        Proof kind = Proof.fromPath(proof)
                .orElseThrow(() -> Refusal.notFound("PROOF_NOT_FOUND", "证明材料不存在"));
        PhoneChanges.ProofObject object = phoneChanges.openProof(requestId, kind, operator.getName(),
                http.getRemoteAddr());
        try (InputStream in = phoneChanges.stream(object)) {
            response.setContentType(object.contentType());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }

    @PostMapping("/{requestId}/approve")
    PhoneChanges.ReviewView approve(@PathVariable UUID requestId, Authentication operator) {
        return phoneChanges.approve(requestId, operator.getName());
    }

    @PostMapping("/{requestId}/reject")
    PhoneChanges.ReviewView reject(@PathVariable UUID requestId, @RequestBody(required = false) Rejection rejection,
            Authentication operator) {
        return phoneChanges.reject(requestId, operator.getName(), rejection == null ? null : rejection.reason());
    }

    record Rejection(String reason) {
    }
}
