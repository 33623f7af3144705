package org.baokao.enrollment.courses;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.messaging.audit.OperatorAudit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 实践课审核 (OPS-3, SST-5): the 主考学校 decides the practical courses its plan marks 须经主考学校审核后缴费, at the
 * bureau's current sitting. A university reviewer sees and decides only their university's (others: 404); the
 * bureau's administrator every university's; an auditor reads. The decision is taken under the candidate's course
 * row lock, so it queues behind the candidate's own ticks, and two reviewers never both decide (the second finds it
 * decided: 409). Audited in the same transaction.
 */
@Service
class PracticalReviews {

    /** The states a queue filter may name; none named = all three. */
    static final List<String> REVIEW_STATES = List.of(PracticalRegistration.State.AWAITING_REVIEW.name(),
            PracticalRegistration.State.APPROVED.name(), PracticalRegistration.State.REJECTED.name());

    private final CourseSittings sittings;
    private final CourseStore store;
    private final OperatorAudit audit;
    private final Clock clock;

    PracticalReviews(CourseSittings sittings, CourseStore store, OperatorAudit audit, Clock clock) {
        this.sittings = sittings;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** A queue item: the candidate (by 准考证号), the course as the plan names it, the state and the review. */
    record Item(UUID candidateId, String admissionNumber, String universityCode, String universityName,
            String courseCode, String courseName, String categoryName, PracticalRegistration registration) {
    }

    record Page(String examCode, String examName, List<Item> items, long total, int page, int size) {
    }

    Page queue(Operator operator, String state, String universityCode, int page, int size) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER, OperatorRole.AUDITOR);
        List<String> states = state == null || state.isBlank() ? REVIEW_STATES : List.of(knownState(state));
        CourseSitting sitting = sittings.current(operator.bureau());
        String university = scopedUniversity(operator, universityCode);
        CourseStore.PracticalReviewPage found = store.practicalReviews(sitting.examCode(), states, university, page,
                size);
        return new Page(sitting.examCode(), sitting.exam().name(),
                found.rows().stream().map(row -> item(sitting.plan(), row)).toList(), found.total(), page, size);
    }

    @Transactional
    Item decide(Operator operator, UUID candidateId, String universityCode, String courseCode, boolean approve,
            String reason) {
        operator.require(OperatorRole.BUREAU_ADMIN, OperatorRole.UNIVERSITY_REVIEWER);
        if (!operator.has(OperatorRole.BUREAU_ADMIN) && !universityCode.equals(operator.university())) {
            throw Operator.outOfScope();
        }
        CourseSitting sitting = sittings.current(operator.bureau());
        CourseRegistration registration = store.lock(sitting.examCode(), candidateId)
                .filter(found -> found.bureau().equals(operator.bureau()))
                .orElseThrow(() -> Refusal.notFound("PRACTICAL_REVIEW_NOT_FOUND", "未找到该实践课程报考，考生可能已取消报考"));
        PracticalRegistration decided = registration.decidePractical(new CourseRef(universityCode, courseCode),
                approve, reason, operator.name(), clock.instant());
        store.save(registration, clock.instant());
        Item item = item(sitting.plan(), new CourseStore.PracticalReviewRow(candidateId, null, decided));
        audit.record(operator, "practical-review.decide", "practical-course",
                candidateId + "/" + universityCode + "/" + courseCode, item.universityName() + " " + item.courseName(),
                decided.review().reason(), Map.of("decision", decided.state().name(), "universityCode",
                        universityCode, "courseCode", courseCode, "examCode", sitting.examCode()));
        return item;
    }

    /** A reviewer's queue is their university's whatever the filter says; another university's filter finds none. */
    private static String scopedUniversity(Operator operator, String asked) {
        String wanted = asked == null || asked.isBlank() ? null : asked.strip();
        if (operator.has(OperatorRole.BUREAU_ADMIN) || operator.has(OperatorRole.AUDITOR)) {
            return wanted;
        }
        if (wanted != null && !wanted.equals(operator.university())) {
            throw Operator.outOfScope();
        }
        if (operator.university() == null) {
            throw Operator.outOfScope();
        }
        return operator.university();
    }

    private static String knownState(String state) {
        String upper = state.strip().toUpperCase(java.util.Locale.ROOT);
        if (!REVIEW_STATES.contains(upper)) {
            throw Refusal.invalid("STATE_UNKNOWN", "审核状态只能是待审核、审核通过或审核未通过");
        }
        return upper;
    }

    private static Item item(CoursePlan plan, CourseStore.PracticalReviewRow row) {
        CourseRef ref = row.registration().ref();
        Optional<CoursePlan.PlanUniversity> university = plan.university(ref.universityCode());
        Optional<PracticalCourse> course = university.flatMap(u -> u.majors().values().stream()
                .map(major -> major.practicalByCode().get(ref.courseCode())).filter(java.util.Objects::nonNull)
                .findFirst());
        return new Item(row.candidateId(), row.admissionNumber(), ref.universityCode(),
                university.map(CoursePlan.PlanUniversity::name).orElse(ref.universityCode()), ref.courseCode(),
                course.map(PracticalCourse::name).orElse(ref.courseCode()),
                course.map(c -> c.category() == null ? null : c.category().label()).orElse(null), row.registration());
    }
}
