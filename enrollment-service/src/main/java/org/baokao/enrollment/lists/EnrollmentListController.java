package org.baokao.enrollment.lists;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.enrollment.courses.CourseOrderStatus;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.wizard.EnrollmentStatus;
import org.baokao.personaldata.Masking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 报名信息 (OPS-3): the enrollments of one exam of the addressed bureau, filtered and paged, every role of the
 * console. Masked throughout: the name as 张*, the ID number and phone as this service holds them (masked). A city
 * operator sees the enrollments whose exam location is in their city, a 主考学校 reviewer the course orders with a
 * course of their university; asking for another city, 考点 or university is 404, as is another bureau's exam.
 */
@RestController
@RequestMapping("/api/enrollments/operations/enrollments")
class EnrollmentListController {

    static final int MAX_SIZE = 100;

    private final ExamConfigurations exams;
    private final CandidateLists lists;

    EnrollmentListController(ExamConfigurations exams, CandidateLists lists) {
        this.exams = exams;
        this.lists = lists;
    }

    record Location(String code, String name) {
    }

    record University(String code, String name) {
    }

    record Course(String universityCode, String universityName, String courseCode, String courseName, long feeFen) {
    }

    /** One row: an enrollment (专升本) or a course order (自考); masked personal data only. */
    record Row(UUID id, UUID candidateId, String maskedName, String maskedIdNumber, String maskedPhone,
            String admissionNumber, Location location, List<University> universities, List<Course> courses,
            String track, String subjectGroupCode, String status, String statusName, long feeFen,
            Instant confirmedAt, Instant paidAt) {
    }

    record RowPage(List<Row> items, long total, int page, int size) {
    }

    record StatusChoice(String code, String name) {
    }

    /** An exam the lists can show, with the choices of its filters within the operator's scope. */
    record ExamChoice(String code, String name, ExamKind kind, String kindName, List<Location> locations,
            List<University> universities, List<StatusChoice> statuses) {
    }

    /** The bureau's exams for the filters (newest registration first): 考点 or 主考学校 and the statuses of each. */
    @GetMapping("/exams")
    List<ExamChoice> exams(Operator operator) {
        operator.require(OperatorRole.values());
        ListScope scope = ListScope.of(operator);
        return exams.all(operator.bureau()).stream()
                .sorted(Comparator.comparing((Exam exam) -> exam.registration().opensAt()).reversed())
                .map(exam -> choice(exam, scope)).toList();
    }

    private static ExamChoice choice(Exam exam, ListScope scope) {
        List<Location> locations = exam.locations().stream().filter(location -> scope.allowsLocation(location.code()))
                .map(location -> new Location(location.code(), location.name())).toList();
        List<University> universities = exam.catalogue() instanceof CoursePlanCatalogue plan
                ? plan.universities().stream().filter(Objects::nonNull)
                        .filter(university -> scope.allowsUniversity(university.code()))
                        .map(university -> new University(university.code(), university.name())).toList()
                : List.of();
        List<StatusChoice> statuses = exam.kind() == ExamKind.SELF_STUDY
                ? Arrays.stream(CourseOrderStatus.values()).map(s -> new StatusChoice(s.name(), s.label())).toList()
                : Arrays.stream(EnrollmentStatus.values()).map(s -> new StatusChoice(s.name(), s.label())).toList();
        return new ExamChoice(exam.code(), exam.name(), exam.kind(), exam.kind().chineseName(), locations,
                universities, statuses);
    }

    @GetMapping
    RowPage list(Operator operator, @RequestParam(required = false) String exam,
            @RequestParam(required = false) String city, @RequestParam(required = false) String location,
            @RequestParam(required = false) String university, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        operator.require(OperatorRole.values());
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("PAGE_INVALID", "分页参数不正确：每页 1–100 条");
        }
        ListQuery query = ListQuery.of(operator, exam, city, location, university, status, null);
        Exam found = exams.require(operator.bureau(), query.exam());
        CandidateLists.Page rows = lists.page(found, query, page, size);
        return new RowPage(rows.items().stream().map(row -> row(found, row)).toList(), rows.total(), page, size);
    }

    private static Row row(Exam exam, ListedCandidate row) {
        Location location = row.locationCode() == null ? null : new Location(row.locationCode(),
                exam.location(row.locationCode()).map(ExamLocation::name).orElse(row.locationCode()));
        List<University> universities = row.courses().stream()
                .map(course -> new University(course.universityCode(), course.universityName())).distinct().toList();
        List<Course> courses = row.courses().stream().map(course -> new Course(course.universityCode(),
                course.universityName(), course.courseCode(), course.courseName(), course.feeFen())).toList();
        return new Row(row.id(), row.candidateId(), row.name() == null ? null : Masking.name(row.name()),
                row.maskedIdNumber(), row.maskedPhone(), row.admissionNumber(), location, universities, courses,
                row.track(), row.subjectGroupCode(), row.status(), row.statusName(), row.feeFen(), row.confirmedAt(),
                row.paidAt());
    }
}
