package org.baokao.payment.today;

import java.util.List;
import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 今日概况 (OPS-3), payment-service's part: for the open exams the console names ({@code exam}, repeated), orders
 * pending and reconciliation gaps open. Every role of the console. The bureau-wide roles get both for the bureau; a
 * city operator the orders pending of their city; a 主考学校 reviewer none (an order knows no university). The
 * reconciliation figure is the bureau's only, for the bureau-wide roles.
 */
@RestController
class PaymentTodayController {

    static final int MAX_EXAMS = 20;

    private final PaymentTodayCounts counts;

    PaymentTodayController(PaymentTodayCounts counts) {
        this.counts = counts;
    }

    record ExamFigures(String exam, Map<String, Long> figures) {
    }

    record Today(List<ExamFigures> exams, Map<String, Long> bureau) {
    }

    @GetMapping("/api/payments/operations/today")
    Today today(Operator operator, @RequestParam(name = "exam", required = false) List<String> exams) {
        operator.require(OperatorRole.values());
        List<String> asked = exams == null ? List.of()
                : exams.stream().map(String::strip).filter(code -> !code.isEmpty()).distinct().toList();
        if (asked.size() > MAX_EXAMS) {
            throw Refusal.invalid("TOO_MANY_EXAMS", "一次最多查询" + MAX_EXAMS + "项考试");
        }
        String city = null;
        if (!operator.seesWholeBureau()) {
            if (!operator.has(OperatorRole.CITY_OPERATOR) || operator.city() == null) {
                return new Today(asked.stream().map(exam -> new ExamFigures(exam, Map.of())).toList(), Map.of());
            }
            city = operator.city();
        }
        if (asked.isEmpty()) {
            return new Today(List.of(), Map.of());
        }
        return new Today(counts.of(operator.bureau(), asked, city, operator.seesWholeBureau()).entrySet().stream()
                .map(entry -> new ExamFigures(entry.getKey(), entry.getValue())).toList(), Map.of());
    }
}
