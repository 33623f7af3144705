package org.baokao.enrollment.partnerapi;

import org.baokao.enrollment.partner.Granted;
import org.baokao.enrollment.partner.PartnerClient;
import org.baokao.enrollment.partner.PartnerScope;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A candidate's admission data (准考信息) for a partner bureau (API-3, scope {@code partner-admission}), only with the
 * candidate's consent to this partner, granted in the candidate UI (数据授权); without it 403 {@code CONSENT_REQUIRED},
 * also when no such candidate exists.
 */
@RestController
class PartnerAdmissionController {

    private final PartnerReads reads;

    PartnerAdmissionController(PartnerReads reads) {
        this.reads = reads;
    }

    @PostMapping("/open-api/v1/candidates/admission")
    PartnerReads.AdmissionData admission(@Granted(PartnerScope.ADMISSION) PartnerClient partner,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http, @RequestBody(required = false) CandidateRequest request) {
        CandidateQuery query = CandidateRequest.query(request);
        return reads.admission(PartnerCall.of(partner, token, http), query);
    }
}
