package org.baokao.account.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 审计日志 (OPS-3): the bureau's auditors and administrators search the trail of every operator's actions, of their
 * own bureau only. Dates are Beijing dates, both ends included.
 */
@RestController
class AuditController {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final OperatorActions actions;

    AuditController(OperatorActions actions) {
        this.actions = actions;
    }

    @GetMapping("/api/accounts/operations/audit")
    Paging.Page<OperatorActions.Action> search(Operator operator,
            @RequestParam(required = false) String operatorUsername, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        operator.require(OperatorRole.AUDITOR, OperatorRole.BUREAU_ADMIN);
        Paging paging = Paging.of(page, size);
        Instant start = date(from, "from");
        Instant end = date(to, "to");
        if (end != null) {
            end = end.atZone(BEIJING).plusDays(1).toInstant();
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw Refusal.invalid("DATE_RANGE_INVALID", "结束日期不能早于开始日期");
        }
        return actions.search(new OperatorActions.Filter(operator.bureau(), operatorUsername, action, subjectType,
                subjectId, start, end), paging);
    }

    private static Instant date(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip()).atStartOfDay(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("DATE_INVALID", ("from".equals(field) ? "开始" : "结束") + "日期格式应为 yyyy-MM-dd");
        }
    }
}
