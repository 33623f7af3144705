package org.baokao.account.today;

import java.util.List;
import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 今日概况 (OPS-3), account-service's part: for the open exams the console names ({@code exam}, repeated; the console
 * has them from enrollment-service), registered accounts and phone changes waiting. Every role of the console. The
 * bureau-wide roles get the bureau's figures, a 主考学校 reviewer their university's; a city operator gets none:
 * an account knows no exam location, so no figure here is theirs to see.
 */
@RestController
class AccountTodayController {

    static final int MAX_EXAMS = 20;

    private final AccountTodayCounts counts;

    AccountTodayController(AccountTodayCounts counts) {
        this.counts = counts;
    }

    record ExamFigures(String exam, Map<String, Long> figures) {
    }

    record Today(List<ExamFigures> exams, Map<String, Long> bureau) {
    }

    @GetMapping("/api/accounts/operations/today")
    Today today(Operator operator, @RequestParam(name = "exam", required = false) List<String> exams) {
        operator.require(OperatorRole.values());
        List<String> asked = exams == null ? List.of()
                : exams.stream().map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
        if (asked.size() > MAX_EXAMS) {
            throw Refusal.invalid("TOO_MANY_EXAMS", "一次最多查询" + MAX_EXAMS + "项考试");
        }
        String university = null;
        if (!operator.seesWholeBureau()) {
            if (!operator.has(OperatorRole.UNIVERSITY_REVIEWER) || operator.university() == null || asked.isEmpty()) {
                return new Today(asked.stream().map(exam -> new ExamFigures(exam, Map.of())).toList(), Map.of());
            }
            university = operator.university();
        }
        if (asked.isEmpty()) {
            return new Today(List.of(), Map.of());
        }
        return new Today(counts.of(operator.bureau(), asked, university).entrySet().stream()
                .map(entry -> new ExamFigures(entry.getKey(), entry.getValue())).toList(), Map.of());
    }
}
