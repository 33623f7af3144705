package org.baokao.enrollment.partnerapi;

import java.util.List;

import org.baokao.enrollment.partner.Granted;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.enrollment.partner.PartnerScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The partner API's enrollment reads (API-1, docs/PARTNER-API.md), of the partner's own bureau only: verify one
 * candidate's enrollments (scope {@code partner-verify}; POST, so the ID number is never in a URL or an access log)
 * and page through an exam's enrollments (scope {@code partner-enrollments}). The scope is checked before anything
 * the partner sent is read ({@link Granted}).
 */
@RestController
class PartnerEnrollmentController {

    private final PartnerReads reads;

    PartnerEnrollmentController(PartnerReads reads) {
        this.reads = reads;
    }

    @PostMapping("/open-api/v1/enrollments/verify")
    List<PartnerReads.VerifiedEnrollment> verify(@Granted(PartnerScope.VERIFY) PartnerClient partner,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http, @RequestBody(required = false) CandidateRequest request) {
        CandidateQuery query = CandidateRequest.query(request);
        return reads.verify(PartnerCall.of(partner, token, http), query);
    }

    @GetMapping("/open-api/v1/exams/{examCode}/enrollments")
    PartnerReads.EnrollmentPage list(@Granted(PartnerScope.ENROLLMENTS) PartnerClient partner,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http, @PathVariable String examCode,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        EnrollmentPageQuery query = EnrollmentPageQuery.of(examCode, status, from, to, limit, cursor);
        return reads.list(PartnerCall.of(partner, token, http), examCode, query);
    }
}
