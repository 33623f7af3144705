package org.baokao.enrollment.confirmation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.baokao.enrollment.wizard.EnrollmentWizard;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 下载报名信息表 from 信息预览 (role {@code candidate}): only the token subject's own completed enrollment; another
 * candidate's enrollment id is 404, the same answer as an id that does not exist.
 */
@RestController
@PreAuthorize("hasRole('candidate')")
class RegistrationFormController {

    static final String PATH = "/api/enrollments/{id}/registration-form.pdf";

    private final RegistrationForms forms;

    RegistrationFormController(RegistrationForms forms) {
        this.forms = forms;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> registrationForm(@AuthenticationPrincipal Jwt token, RequestBureau bureau,
            @PathVariable UUID id) {
        UUID candidate;
        try {
            candidate = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException e) {
            // a token of no candidate account holds no enrollment
            throw EnrollmentWizard.notFound();
        }
        byte[] pdf = forms.pdf(candidate, id, new Caller(token.getTokenValue(), bureau.code()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                // personal: never kept by a shared cache
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("报名信息表.pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
