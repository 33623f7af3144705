package org.baokao.account.internal;

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
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * PHO-4: the identity a public-security photo comparison needs (ID type, ID number, name), for other services only.
 * Outside {@code /api/**}, so the gateway never routes it; callers need a token with realm role {@code service}
 * (photo-service's client-credentials service account). Every read is audited like an operator's (ACC-10), in the
 * same transaction, without the values. The full number travels only in this answer, never on Kafka or in logs.
 */
@RestController
class CandidateIdentityController {

    static final List<String> FIELDS = List.of("ID_NUMBER", "NAME");

    private final Accounts accounts;
    private final PersonalDataAccessLog accessLog;

    CandidateIdentityController(Accounts accounts, PersonalDataAccessLog accessLog) {
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    @GetMapping("/internal/candidates/{candidateId}/identity")
    @PreAuthorize("hasRole('service')")
    @Transactional
    public CandidateIdentity identity(@PathVariable UUID candidateId, Authentication caller,
            HttpServletRequest http) {
        Accounts.PersonalData data = accounts.findPersonalData(candidateId)
                .orElseThrow(() -> Refusal.notFound("ACCOUNT_NOT_FOUND", "考生账号不存在"));
        accessLog.record(caller.getName(), candidateId, FIELDS, "IDENTITY_COMPARISON", "照片身份比对（PHO-4）",
                http.getRemoteAddr());
        return new CandidateIdentity(data.idType().name(), data.idNumber(), data.name());
    }

    record CandidateIdentity(String idType, String idNumber, String name) {

        @Override
        public String toString() {
            return "CandidateIdentity[" + idType + "]";
        }
    }
}
