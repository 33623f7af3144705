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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A candidate's admission data (准考信息) for a partner bureau (API-3, scope {@code partner-admission}), only with the
 * candidate's consent to this partner, granted in the candidate UI (数据授权); without it 403 {@code CONSENT_REQUIRED},
 * also when no such candidate exists.
 */
@RestController
@Tag(name = "准考信息", description = "经考生授权后读取其准考信息（scope partner-admission）")
class PartnerAdmissionController {

    private final PartnerReads reads;

    PartnerAdmissionController(PartnerReads reads) {
        this.reads = reads;
    }

    @Operation(summary = "读取考生准考信息", description = "仅当考生已在报名系统「数据授权」中授权本合作方时返回；否则 403 CONSENT_REQUIRED"
            + "（考生不存在时亦同，不泄露是否有此人）。每次调用都记入审计日志。")
    @PostMapping("/open-api/v1/candidates/admission")
    PartnerReads.AdmissionData admission(@Granted(PartnerScope.ADMISSION) PartnerClient partner,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http, @RequestBody(required = false) CandidateRequest request) {
        CandidateQuery query = CandidateRequest.query(request);
        return reads.admission(PartnerCall.of(partner, token, http), query);
    }
}
