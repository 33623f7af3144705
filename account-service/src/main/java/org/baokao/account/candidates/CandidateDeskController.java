package org.baokao.account.candidates;

import java.util.UUID;

import org.baokao.account.audit.Paging;
import org.baokao.account.sms.SmsCodes;
import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 考生查询 (OPS-3): search, one candidate, reveal in clear with a reason, unlock, send a password-reset code. */
@RestController
class CandidateDeskController {

    private static final String BASE = "/api/accounts/operations/candidates";

    private final CandidateSearch search;
    private final CandidateDesk desk;

    CandidateDeskController(CandidateSearch search, CandidateDesk desk) {
        this.search = search;
        this.desk = desk;
    }

    /** {@code by}: ID_NUMBER (with {@code idType}, default 居民身份证), PHONE, ADMISSION_NUMBER or NAME; {@code q} exact. */
    @GetMapping(BASE)
    Paging.Page<CandidateSearch.Found> search(Operator operator, @RequestParam(required = false) String by,
            @RequestParam(required = false) String q, @RequestParam(required = false) String idType,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        operator.require(CandidateDesk.READERS);
        SearchBy searchBy = SearchBy.of(by)
                .orElseThrow(() -> Refusal.invalid("SEARCH_BY_INVALID", "请选择查询方式：证件号码、手机号、准考证号或姓名"));
        return search.search(operator, searchBy, q, idType, Paging.of(page, size));
    }

    @GetMapping(BASE + "/{candidateId}")
    CandidateDesk.Candidate show(Operator operator, @PathVariable String candidateId) {
        return desk.show(operator, id(candidateId));
    }

    @PostMapping(BASE + "/{candidateId}/reveal")
    CandidateDesk.Revealed reveal(Operator operator, @PathVariable String candidateId,
            @RequestBody(required = false) Reason body) {
        return desk.reveal(operator, id(candidateId), body == null ? null : body.reason());
    }

    @PostMapping(BASE + "/{candidateId}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(Operator operator, @PathVariable String candidateId, @RequestBody(required = false) Reason body) {
        desk.unlock(operator, id(candidateId), body == null ? null : body.reason());
    }

    @PostMapping(BASE + "/{candidateId}/password-reset-sms")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SmsCodes.SentCode sendPasswordReset(Operator operator, @PathVariable String candidateId,
            @RequestBody(required = false) Reason body) {
        return desk.sendPasswordReset(operator, id(candidateId), body == null ? null : body.reason());
    }

    record Reason(String reason) {
    }

    /** A malformed id names no candidate: the same 404 as an unknown one. */
    private static UUID id(String typed) {
        try {
            return UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            throw Operator.outOfScope();
        }
    }
}
