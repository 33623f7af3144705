package org.baokao.enrollment.courses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.PracticalCourse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PaidCourses} for the 报考信息确认单 (SST-7): at the bureau's current sitting, the theory courses of paid orders
 * (as they were ordered) and the practical courses registered (named as the plan names them), theory first, each kind
 * by slot. Nothing unpaid, lapsed or withdrawn. A bureau without 自考 has none.
 */
@Service
class PaidCourseList implements PaidCourses {

    private final CourseStore store;
    private final CourseSittings sittings;
    private final CourseRegistrations registrations;

    PaidCourseList(CourseStore store, CourseSittings sittings, CourseRegistrations registrations) {
        this.store = store;
        this.sittings = sittings;
        this.registrations = registrations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HeldCourse> of(UUID candidateId, String bureau) {
        CourseSitting sitting;
        try {
            sitting = sittings.current(bureau);
        } catch (Refusal notSelfStudy) {
            return List.of();
        }
        List<HeldCourse> held = new ArrayList<>();
        for (CourseOrder order : store.paidOrders(sitting.examCode(), candidateId)) {
            for (OrderItem item : order.items()) {
                held.add(new HeldCourse(item.universityCode(), item.universityName(), item.majorCode(),
                        item.majorName(), item.courseCode(), item.courseName(), "THEORY", item.slot(), item.feeFen(),
                        CourseRegistration.TheoryState.PAID.name(), order.paidAt()));
            }
        }
        Optional<CourseRegistration> registration = store.find(sitting.examCode(), candidateId);
        if (registration.isPresent() && !registration.get().practical().isEmpty()) {
            Map<String, HeldMajor> majors = registrations.held(candidateId, bureau, sitting).stream()
                    .collect(Collectors.toMap(HeldMajor::universityCode, Function.identity(), (a, b) -> a));
            for (PracticalRegistration practical : registration.get().practical()) {
                HeldMajor major = majors.get(practical.ref().universityCode());
                if (major == null) {
                    continue;
                }
                Optional<PracticalCourse> course = sitting.plan().major(major.universityCode(), major.majorCode())
                        .map(m -> m.practicalByCode().get(practical.ref().courseCode()));
                held.add(new HeldCourse(major.universityCode(), major.universityName(), major.majorCode(),
                        major.majorName(), practical.ref().courseCode(),
                        course.map(PracticalCourse::name).orElse(practical.ref().courseCode()), "PRACTICAL",
                        course.map(PracticalCourse::slot).orElse(null), 0, practical.state().name(),
                        practical.registeredAt()));
            }
        }
        held.sort(Comparator.comparing((HeldCourse course) -> course.kind().equals("PRACTICAL"))
                .thenComparing(HeldCourse::slot, Comparator.nullsLast(Comparator.<ExamSlot>naturalOrder()))
                .thenComparing(HeldCourse::universityCode).thenComparing(HeldCourse::courseCode));
        return held;
    }
}
