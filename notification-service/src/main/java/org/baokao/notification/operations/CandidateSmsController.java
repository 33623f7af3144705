package org.baokao.notification.operations;

import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.web.bureau.BureauProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * 考生查询 (OPS-3), the SMS sent to a candidate (the delivery log: template, masked phone, status, never the text),
 * newest first, at most 200. This service knows the bureau of each SMS but not the candidate's exam city nor their
 * university, so only bureau-wide roles read it (administrator, auditor); a city operator or a reviewer is refused
 * (403). Another bureau's SMS are not shown; a row without a bureau (the default bureau's, or one recorded before the
 * bureau was kept, V13) counts as the default bureau's.
 */
@RestController
class CandidateSmsController {

    private final CandidateSmsHistory history;
    private final String defaultBureau;

    CandidateSmsController(CandidateSmsHistory history, BureauProperties bureaus) {
        this.history = history;
        this.defaultBureau = bureaus.defaultCode();
    }

    @GetMapping("/api/notifications/operations/candidates/{candidateId}/sms")
    List<CandidateSmsHistory.Sms> of(Operator operator, @PathVariable String candidateId) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        UUID id;
        try {
            id = UUID.fromString(candidateId);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
        return history.of(id, operator.bureau(), defaultBureau);
    }
}
