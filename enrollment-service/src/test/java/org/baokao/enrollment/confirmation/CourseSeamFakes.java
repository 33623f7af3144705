package org.baokao.enrollment.confirmation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.enrollment.courses.PaidCourses;
import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * {@code @Primary} stand-ins for the two seams of course registration, which selfstudy ({@link CourseReadiness}, the
 * 准考证号) and courses ({@link PaidCourses}) implement: a test puts what its candidate holds here. The real ones are
 * tested where they are built; this keeps the 确认单's tests to what the 确认单 does with their answers.
 */
@TestConfiguration(proxyBeanMethods = false)
class CourseSeamFakes {

    static final Map<UUID, List<PaidCourses.HeldCourse>> COURSES = new ConcurrentHashMap<>();
    static final Map<UUID, String> ADMISSION_NUMBERS = new ConcurrentHashMap<>();

    @Bean
    @Primary
    PaidCourses fakePaidCourses() {
        return (candidateId, bureau) -> COURSES.getOrDefault(candidateId, List.of());
    }

    @Bean
    @Primary
    CourseReadiness fakeCourseReadiness() {
        return (candidateId, bureau) -> new CourseReadiness.Readiness(List.of(), null,
                ADMISSION_NUMBERS.get(candidateId));
    }
}
