package org.baokao.enrollment.today;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.lists.ListScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 今日概况 (OPS-3), enrollment-service's part: the addressed bureau's open exams (from the first day of registration
 * or payment to the last day of either) with their figures here ({@link EnrollmentTodayCounts}). The console asks
 * the other services for their figures of these exams. Every role of the console.
 */
@RestController
class EnrollmentTodayController {

    private final ExamConfigurations exams;
    private final EnrollmentTodayCounts counts;
    private final Clock clock;

    EnrollmentTodayController(ExamConfigurations exams, EnrollmentTodayCounts counts, Clock clock) {
        this.exams = exams;
        this.counts = counts;
        this.clock = clock;
    }

    record OpenExam(String exam, String name, ExamKind kind, String kindName, Instant registrationOpensAt,
            Instant registrationClosesAt, Instant paymentOpensAt, Instant paymentClosesAt, boolean registrationOpen,
            boolean paymentOpen, Map<String, Long> figures) {
    }

    /** {@code bureau}: figures of the whole bureau rather than of one exam (none here). */
    record Today(Instant at, List<OpenExam> exams, Map<String, Long> bureau) {
    }

    @GetMapping("/api/enrollments/operations/today")
    Today today(Operator operator) {
        operator.require(OperatorRole.values());
        Instant now = clock.instant();
        ListScope scope = ListScope.of(operator);
        List<OpenExam> open = exams.all(operator.bureau()).stream().filter(exam -> isOpen(exam, now))
                .sorted(Comparator.comparing((Exam exam) -> exam.registration().opensAt()).reversed())
                .map(exam -> new OpenExam(exam.code(), exam.name(), exam.kind(), exam.kind().chineseName(),
                        exam.registration().opensAt(), exam.registration().closesAt(), exam.payment().opensAt(),
                        exam.payment().closesAt(), exam.isRegistrationOpenAt(now), exam.isPaymentOpenAt(now),
                        counts.of(exam, scope)))
                .toList();
        return new Today(now, open, Map.of());
    }

    /** Open from the first window's opening to the last window's close: registration and payment both count. */
    static boolean isOpen(Exam exam, Instant now) {
        Instant opens = earlier(exam.registration().opensAt(), exam.payment().opensAt());
        Instant closes = later(exam.registration().closesAt(), exam.payment().closesAt());
        return !now.isBefore(opens) && now.isBefore(closes);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
