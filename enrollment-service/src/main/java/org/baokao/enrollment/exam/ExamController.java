package org.baokao.enrollment.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exams for candidates (public) — the list, one exam, its locations, fee items and pledge — and the list on the
 * partner API (API-1) for other bureaus' systems.
 */
@RestController
class ExamController {

    private final ExamConfigurations exams;
    private final Clock clock;

    ExamController(ExamConfigurations exams, Clock clock) {
        this.exams = exams;
        this.clock = clock;
    }

    @GetMapping("/api/enrollments/public/exams")
    List<ExamView> listForCandidates() {
        return list();
    }

    @GetMapping("/open-api/v1/exams")
    @PreAuthorize("hasRole('partner')")
    List<ExamView> listForPartners() {
        return list();
    }

    @GetMapping("/api/enrollments/public/exams/{code}")
    ExamView one(@PathVariable String code) {
        return ExamView.of(exams.require(code), clock.instant());
    }

    /** 考试地点 to choose from in step 4 (ENR-2). */
    @GetMapping("/api/enrollments/public/exams/{code}/locations")
    List<ExamLocation> locations(@PathVariable String code) {
        return exams.require(code).locations();
    }

    /** The fee schedule in fen (报名 and one item per subject for 专升本). */
    @GetMapping("/api/enrollments/public/exams/{code}/fees")
    List<FeeItem> fees(@PathVariable String code) {
        return exams.require(code).fees();
    }

    /** The current pledge (step 1), with the version an enrollment records when the candidate accepts it. */
    @GetMapping("/api/enrollments/public/exams/{code}/pledge")
    PledgeView pledge(@PathVariable String code) {
        Exam exam = exams.require(code);
        if (exam.pledge() == null) {
            throw Refusal.notFound("PLEDGE_NOT_CONFIGURED", "该考试尚未配置报考承诺");
        }
        return new PledgeView(exam.code(), exam.pledge().version(), exam.pledge().text());
    }

    record PledgeView(String examCode, int version, String text) {
    }

    private List<ExamView> list() {
        Instant now = clock.instant();
        return exams.all().stream().map(exam -> ExamView.of(exam, now)).toList();
    }

    record ExamView(UUID id, String code, String name, ExamKind kind, String kindName,
            Instant registrationOpensAt, Instant registrationClosesAt,
            Instant paymentOpensAt, Instant paymentClosesAt, boolean registrationOpen,
            String paymentDailyOpens, String paymentDailyCloses, boolean paymentOpen) {

        static ExamView of(Exam exam, Instant now) {
            return new ExamView(exam.id(), exam.code(), exam.name(), exam.kind(), exam.kind().chineseName(),
                    exam.registration().opensAt(), exam.registration().closesAt(),
                    exam.payment().opensAt(), exam.payment().closesAt(), exam.isRegistrationOpenAt(now),
                    exam.paymentHours().opens(), exam.paymentHours().closes(), exam.isPaymentOpenAt(now));
        }
    }
}
