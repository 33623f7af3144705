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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The partner API's enrollment reads (API-1, docs/PARTNER-API.md), of the partner's own bureau only: verify one
 * candidate's enrollments (scope {@code partner-verify}; POST, so the ID number is never in a URL or an access log)
 * and page through an exam's enrollments (scope {@code partner-enrollments}). The scope is checked before anything
 * the partner sent is read ({@link Granted}).
 */
@RestController
@Tag(name = "报名核验与查询", description = "本考试院考生的报名：逐人核验（scope partner-verify）、按考试分页读取（scope partner-enrollments）")
class PartnerEnrollmentController {

    private final PartnerReads reads;

    PartnerEnrollmentController(PartnerReads reads) {
        this.reads = reads;
    }

    @Operation(summary = "核验考生报名", description = "按证件类型、证件号码与姓名核验考生在本考试院的报名：考试、状态、是否已缴费，不返回其他个人信息。"
            + "证件号码放在请求体中，不出现在地址或访问日志里。每次调用都记入审计日志。")
    @PostMapping("/open-api/v1/enrollments/verify")
    List<PartnerReads.VerifiedEnrollment> verify(@Granted(PartnerScope.VERIFY) PartnerClient partner,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http, @RequestBody(required = false) CandidateRequest request) {
        CandidateQuery query = CandidateRequest.query(request);
        return reads.verify(PartnerCall.of(partner, token, http), query);
    }

    @Operation(summary = "分页读取某考试的报名", description = "按报名写入的先后分页，游标稳定：并发新增的报名不会被跳过或重复。"
            + "可按状态（status）与报名日期（from、to，北京时间，含两端）筛选；limit 至多 200；下一页以上一页的 nextCursor 请求。")
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
