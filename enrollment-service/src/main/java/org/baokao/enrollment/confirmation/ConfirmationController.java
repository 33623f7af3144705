package org.baokao.enrollment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 下载报考信息确认单 (SST-7, role {@code candidate}): the candidate is the token's subject, the sitting the addressed
 * bureau's current one.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class ConfirmationController {

    static final String PATH = "/api/enrollments/self-study/confirmation.pdf";

    private final Confirmations confirmations;

    ConfirmationController(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> confirmation(@AuthenticationPrincipal Jwt token, RequestBureau bureau) {
        UUID candidate;
        try {
            candidate = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            // a token of no candidate account holds no course
            throw ConfirmationSheet.notAvailable();
        }
        byte[] pdf = confirmations.pdf(candidate, new Caller(token.getTokenValue(), bureau.code()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // personal: never kept by a shared cache
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("报考信息确认单.pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
