package org.baokao.account.profile;

import java.util.List;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.account.personaldata.PersonalDataAccessLog;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ACC-10: the log of the reads of a candidate's personal data that are not an operator's reveal: other services'
 * reads (photo-service's identity comparison) and a reviewer opening a phone change's proofs. An operator's reveal
 * in clear is in the audit trail (考生查询 {@code candidate.reveal}, OPS-3), as are the reveals this endpoint used to
 * answer. For the bureau's auditors and administrators, of their own bureau's candidates.
 */
@RestController
class CandidateDataController {

    private final Accounts accounts;
    private final PersonalDataAccessLog accessLog;

    CandidateDataController(Accounts accounts, PersonalDataAccessLog accessLog) {
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/accounts/operations/personal-data-access")
    public List<PersonalDataAccessLog.Access> trail(Operator operator, @RequestParam(required = false) UUID candidateId,
            @RequestParam(defaultValue = "100") int limit) {
        operator.require(OperatorRole.AUDITOR, OperatorRole.BUREAU_ADMIN);
        if (candidateId == null) {
            throw Refusal.invalid("CANDIDATE_ID_REQUIRED", "请指定考生");
        }
        accounts.findById(candidateId).filter(account -> account.bureau().equals(operator.bureau()))
                .orElseThrow(Operator::outOfScope);
        return accessLog.of(candidateId, Math.clamp(limit, 1, 500));
    }
}
