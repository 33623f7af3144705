package org.baokao.enrollment.courses;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.OuterArea;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.TheoryCourse;

/**
 * A sitting's course plan (ENR-9) indexed for lookups: per 主考学校 and major, its theory and practical courses by code,
 * in the plan's order; the outer exam areas by code. Built once per stored version of the exam (see
 * {@code CourseSittings}), never per request: a selection save looks courses up here without reading JSON.
 */
@DomainModel
public final class CoursePlan {

    /** No plan yet (the sitting's catalogue is not configured): no university offers any course. */
    public static final CoursePlan EMPTY = new CoursePlan(Map.of(), Map.of());

    /** A university of the plan: its name and its majors by code. */
    public record PlanUniversity(String code, String name, Map<String, PlanMajor> majors) {
    }

    /** A major's courses, in the plan's order and by code. */
    public record PlanMajor(String code, String name, List<TheoryCourse> theoryCourses,
            List<PracticalCourse> practicalCourses, Map<String, TheoryCourse> theoryByCode,
            Map<String, PracticalCourse> practicalByCode) {
    }

    private final Map<String, PlanUniversity> universities;
    private final Map<String, OuterArea> outerAreas;

    private CoursePlan(Map<String, PlanUniversity> universities, Map<String, OuterArea> outerAreas) {
        this.universities = universities;
        this.outerAreas = outerAreas;
    }

    /** The index of {@code catalogue}; entries the catalogue's check would refuse (nulls, codeless) are left out. */
    public static CoursePlan of(CoursePlanCatalogue catalogue) {
        if (catalogue == null) {
            return EMPTY;
        }
        Map<String, PlanUniversity> universities = new LinkedHashMap<>();
        for (CoursePlanCatalogue.University university : catalogue.universities()) {
            if (university == null || university.code() == null) {
                continue;
            }
            Map<String, PlanMajor> majors = new LinkedHashMap<>();
            for (CoursePlanCatalogue.Major major : university.majors()) {
                if (major == null || major.code() == null) {
                    continue;
                }
                List<TheoryCourse> theory = major.theoryCourses().stream()
                        .filter(course -> course != null && course.code() != null && course.slot() != null).toList();
                List<PracticalCourse> practical = major.practicalCourses().stream()
                        .filter(course -> course != null && course.code() != null).toList();
                Map<String, TheoryCourse> theoryByCode = new HashMap<>();
                theory.forEach(course -> theoryByCode.putIfAbsent(course.code(), course));
                Map<String, PracticalCourse> practicalByCode = new HashMap<>();
                practical.forEach(course -> practicalByCode.putIfAbsent(course.code(), course));
                majors.putIfAbsent(major.code(), new PlanMajor(major.code(), major.name(), theory, practical,
                        Map.copyOf(theoryByCode), Map.copyOf(practicalByCode)));
            }
            universities.putIfAbsent(university.code(),
                    new PlanUniversity(university.code(), university.name(), Map.copyOf(majors)));
        }
        Map<String, OuterArea> areas = new LinkedHashMap<>();
        catalogue.outerAreas().stream().filter(area -> area != null && area.code() != null)
                .forEach(area -> areas.putIfAbsent(area.code(), area));
        return new CoursePlan(java.util.Collections.unmodifiableMap(universities),
                java.util.Collections.unmodifiableMap(areas));
    }

    public Optional<PlanUniversity> university(String code) {
        return Optional.ofNullable(universities.get(code));
    }

    public Optional<PlanMajor> major(String universityCode, String majorCode) {
        return university(universityCode).map(university -> university.majors().get(majorCode));
    }

    public Optional<OuterArea> outerArea(String code) {
        return Optional.ofNullable(outerAreas.get(code));
    }

    /** The outer exam areas (远郊考区) a candidate may prefer, in the plan's order. */
    public List<OuterArea> outerAreas() {
        return List.copyOf(outerAreas.values());
    }
}
