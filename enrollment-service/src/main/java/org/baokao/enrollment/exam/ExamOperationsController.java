package org.baokao.enrollment.exam;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators configure exams (ENR-1, role {@code operator}): create, replace, read one, list. A configuration
 * that breaks a rule is refused whole with 400: {@code code} and {@code detail} of the first violation and
 * {@code violations} listing each ({@code field}, {@code code}, {@code message}).
 */
@RestController
@RequestMapping("/api/enrollments/operations/exams")
@PreAuthorize("hasRole('operator')")
class ExamOperationsController {

    private final ExamConfigurations configurations;
    private final Clock clock;

    ExamOperationsController(ExamConfigurations configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** Every bureau's exams, newest registration first, without their catalogues. */
    record ExamSummary(UUID id, String code, String bureau, String name, ExamKind kind, String kindName, Instant registrationOpensAt,
            Instant registrationClosesAt, Instant paymentOpensAt, Instant paymentClosesAt, String paymentDailyOpens,
            String paymentDailyCloses, int pledgeVersion, boolean registrationOpen, boolean paymentOpen) {
    }

    @GetMapping
    List<ExamSummary> list() {
        Instant now = clock.instant();
        return configurations.all().stream().map(exam -> new ExamSummary(exam.id(), exam.code(), exam.bureau(),
                exam.name(),
                exam.kind(), exam.kind().chineseName(), exam.registration().opensAt(), exam.registration().closesAt(),
                exam.payment().opensAt(), exam.payment().closesAt(), exam.paymentHours().opens(),
                exam.paymentHours().closes(), exam.pledge() == null ? 0 : exam.pledge().version(),
                exam.isRegistrationOpenAt(now), exam.isPaymentOpenAt(now))).toList();
    }

    @GetMapping("/{code}")
    ExamConfigurationView get(@PathVariable String code) {
        return ExamConfigurationView.of(configurations.require(code), clock.instant());
    }

    /** 201 with the stored configuration and its Location. */
    @PostMapping
    ResponseEntity<ExamConfigurationView> create(@RequestBody ExamDraft draft) {
        Exam exam = configurations.create(draft);
        return ResponseEntity.created(URI.create("/api/enrollments/operations/exams/" + exam.code()))
                .body(ExamConfigurationView.of(exam, clock.instant()));
    }

    /** Replaces the whole configuration; a changed pledge text gets the next pledge version. */
    @PutMapping("/{code}")
    ExamConfigurationView update(@PathVariable String code, @RequestBody ExamDraft draft) {
        return ExamConfigurationView.of(configurations.update(code, draft), clock.instant());
    }

    @ExceptionHandler(ExamConfigurationException.class)
    ResponseEntity<ProblemDetail> refused(ExamConfigurationException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.first().code(), refused.first().message());
        problem.setProperty("violations", refused.violations());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
