package org.baokao.enrollment.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exam list: public for candidates choosing what to register for, and on the partner API (API-1)
 * for other bureaus' systems.
 */
@RestController
class ExamController {

    private final ExamRepository exams;
    private final Clock clock;

    ExamController(ExamRepository exams, Clock clock) {
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

    private List<ExamView> list() {
        Instant now = clock.instant();
        return exams.findAll().stream().map(exam -> ExamView.of(exam, now)).toList();
    }

    record ExamView(UUID id, String code, String name, ExamKind kind, String kindName,
            Instant registrationOpensAt, Instant registrationClosesAt,
            Instant paymentOpensAt, Instant paymentClosesAt, boolean registrationOpen) {

        static ExamView of(Exam exam, Instant now) {
            return new ExamView(exam.id(), exam.code(), exam.name(), exam.kind(), exam.kind().chineseName(),
                    exam.registration().opensAt(), exam.registration().closesAt(),
                    exam.payment().opensAt(), exam.payment().closesAt(), exam.isRegistrationOpenAt(now));
        }
    }
}
