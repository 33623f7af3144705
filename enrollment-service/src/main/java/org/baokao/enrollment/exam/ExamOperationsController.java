package org.baokao.enrollment.exam;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators configure their bureau's exams (ENR-1, OPS-3 考试管理): create, replace, read one, list. Bureau
 * administrators change; auditors read; every other role is refused (403). Only the addressed bureau's exams
 * exist here: another bureau's exam is 404 {@code EXAM_NOT_FOUND}, and a new exam naming another bureau is 404. A
 * configuration that breaks a rule is refused whole with 400: {@code code} and {@code detail} of the first violation
 * and {@code violations} listing each ({@code field}, {@code code}, {@code message}). Every stored change is audited
 * ({@code exam.configure}).
 */
@RestController
@RequestMapping("/api/enrollments/operations/exams")
@PreAuthorize("hasRole('operator')")
class ExamOperationsController {

    private static final int MAX_PAGE_SIZE = 100;

    private final ExamConfigurations configurations;
    private final Clock clock;

    ExamOperationsController(ExamConfigurations configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** An exam in the list, without its catalogue. */
    record ExamSummary(UUID id, String code, String bureau, String name, ExamKind kind, String kindName, Instant registrationOpensAt,
            Instant registrationClosesAt, Instant paymentOpensAt, Instant paymentClosesAt, String paymentDailyOpens,
            String paymentDailyCloses, int pledgeVersion, boolean registrationOpen, boolean paymentOpen) {
    }

    /** A page of the list (OPS-3 convention: {@code page} from 0, {@code size} up to 100). */
    record ExamPage(List<ExamSummary> items, int total, int page, int size) {
    }

    /** The addressed bureau's exams, newest registration first; {@code kind} narrows to one kind. */
    @GetMapping
    ExamPage list(Operator operator, @RequestParam(required = false) ExamKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        Instant now = clock.instant();
        List<Exam> exams = configurations.all(operator.bureau()).stream()
                .filter(exam -> kind == null || exam.kind() == kind).toList();
        List<ExamSummary> items = exams.stream().skip((long) pageNumber * pageSize).limit(pageSize)
                .map(exam -> new ExamSummary(exam.id(), exam.code(), exam.bureau(), exam.name(), exam.kind(),
                        exam.kind().chineseName(), exam.registration().opensAt(), exam.registration().closesAt(),
                        exam.payment().opensAt(), exam.payment().closesAt(), exam.paymentHours().opens(),
                        exam.paymentHours().closes(), exam.pledge() == null ? 0 : exam.pledge().version(),
                        exam.isRegistrationOpenAt(now), exam.isPaymentOpenAt(now)))
                .toList();
        return new ExamPage(items, exams.size(), pageNumber, pageSize);
    }

    /** The whole configuration, in the shape {@code PUT} takes (plus what is derived: ids, names, open now). */
    @GetMapping("/{code}")
    ExamConfigurationView get(@PathVariable String code, Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR);
        return ExamConfigurationView.of(configurations.require(operator.bureau(), code), clock.instant());
    }

    /** 201 with the stored configuration and its Location. */
    @PostMapping
    ResponseEntity<ExamConfigurationView> create(@RequestBody ExamDraft draft, Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        Exam exam = configurations.create(draft, operator);
        return ResponseEntity.created(URI.create("/api/enrollments/operations/exams/" + exam.code()))
                .body(ExamConfigurationView.of(exam, clock.instant()));
    }

    /** Replaces the whole configuration; a changed pledge text gets the next pledge version. */
    @PutMapping("/{code}")
    ExamConfigurationView update(@PathVariable String code, @RequestBody ExamDraft draft, Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        return ExamConfigurationView.of(configurations.update(code, draft, operator), clock.instant());
    }

    @ExceptionHandler(ExamConfigurationException.class)
    ResponseEntity<ProblemDetail> refused(ExamConfigurationException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.first().code(), refused.first().message());
        problem.setProperty("violations", refused.violations());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
