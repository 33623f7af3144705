package org.baokao.enrollment.consent;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据授权 (API-3), the candidate's own (role {@code candidate}, the candidate is the token's subject): the partners of
 * the addressed bureau (the token's own, BUR-1) with the candidate's consent to each; grant ({@code PUT}) and revoke
 * ({@code DELETE}), both idempotent, both answering the partner's consent as it now stands.
 */
@RestController
@RequestMapping("/api/enrollments/consents")
@PreAuthorize("hasRole('candidate')")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    List<Consents.PartnerConsent> list(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        return consents.of(candidate(token), bureau.code());
    }

    @PutMapping("/{clientId}")
    Consents.PartnerConsent grant(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable String clientId) {
        return consents.grant(candidate(token), bureau.code(), clientId);
    }

    @DeleteMapping("/{clientId}")
    Consents.PartnerConsent revoke(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable String clientId) {
        return consents.revoke(candidate(token), bureau.code(), clientId);
    }

    private static UUID candidate(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException notACandidate) {
            throw Refusal.notFound("NOT_FOUND", "未找到相关信息");
        }
    }
}
