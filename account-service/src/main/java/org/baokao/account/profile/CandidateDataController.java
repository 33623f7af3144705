package org.baokao.account.profile;

import java.util.List;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.personaldata.PersonalDataAccessLog;
import org.baokao.domain.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * ACC-10 support work: an operator reads a candidate's personal data in clear, giving a reason; the read and its
 * audit row commit together. The audit trail itself holds no personal data.
 */
@RestController
@PreAuthorize("hasRole('operator')")
class CandidateDataController {

    static final List<String> FIELDS = List.of("ID_NUMBER", "NAME", "PHONE");
    private static final int MAX_REASON = 500;

    private final Accounts accounts;
    private final PersonalDataAccessLog accessLog;

    CandidateDataController(Accounts accounts, PersonalDataAccessLog accessLog) {
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    record CandidateData(UUID candidateId, String bureau, String examCode, String idType, String idNumber, String name,
            String phone, boolean mustChangePassword, boolean phoneVerified) {

        @Override
        public String toString() {
            return "CandidateData[" + candidateId + "]";
        }
    }

    @GetMapping("/api/accounts/operations/candidates/{candidateId}")
    @Transactional
    public CandidateData read(@PathVariable UUID candidateId, @RequestParam(required = false) String reason,
            Authentication operator, HttpServletRequest http) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Refusal.invalid("ACCESS_REASON_REQUIRED", "查看考生个人信息须填写查询原因");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw Refusal.invalid("ACCESS_REASON_TOO_LONG", "查询原因不能超过" + MAX_REASON + "个字");
        }
        Accounts.PersonalData data = accounts.findPersonalData(candidateId)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "考生账号不存在"));
        accessLog.record(operator.getName(), candidateId, FIELDS, "SUPPORT", why, http.getRemoteAddr());
        return new CandidateData(data.id(), data.bureau(), data.examCode(), data.idType().name(), data.idNumber(),
                data.name(), data.phone(), data.mustChangePassword(), data.phoneVerified());
    }

    @GetMapping("/api/accounts/operations/personal-data-access")
    public List<PersonalDataAccessLog.Access> trail(@RequestParam(required = false) UUID candidateId,
            @RequestParam(defaultValue = "100") int limit) {
        if (candidateId == null) {
            throw Refusal.invalid("CANDIDATE_ID_REQUIRED", "请指定考生");
        }
        return accessLog.of(candidateId, Math.clamp(limit, 1, 500));
    }
}
