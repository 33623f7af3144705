package org.baokao.enrollment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.baokao.enrollment.exam.ExamRules;
import org.baokao.enrollment.exam.ExamSlot;
import org.baokao.enrollment.exam.OuterArea;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.Questionnaire;
import org.baokao.enrollment.exam.TheoryCourse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The course plan of the Shanghai demo sitting (ENR-9, SST-4, SST-5): sound, realistic, and shaped for the demo's
 * journeys — slots shared across universities, both kinds of practical course, outer areas, a short questionnaire.
 */
class DemoShanghaiPlanTest {

    private final CoursePlanCatalogue plan = DemoShanghaiExam.catalogue();

    @Test
    @DisplayName("ENR-9: the plan keeps every rule; theory courses on 2026-10-24/25, 上午/下午, 4500 fen each")
    void theTheoryCourses() {
        assertThat(ExamRules.check(DemoShanghaiExam.draft(LocalDate.of(2026, 12, 6)))).isEmpty();
        List<TheoryCourse> theory = majors().stream().flatMap(m -> m.theoryCourses().stream()).toList();
        assertThat(theory).hasSizeGreaterThanOrEqualTo(40);
        assertThat(theory).allSatisfy(course -> {
            assertThat(course.feeFen()).isEqualTo(4500L);
            assertThat(course.date()).isIn(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25));
            assertThat(course.code()).matches("[0-9]{5}");
        });
        assertThat(theory.stream().map(TheoryCourse::slot).collect(Collectors.toSet())).hasSize(4);
        assertThat(universities()).allSatisfy(university -> assertThat(university.majors())
                .allSatisfy(major -> assertThat(major.theoryCourses()).isNotEmpty()));
        // 马克思主义基本原理概论 is common to several majors of several universities
        assertThat(majors().stream().filter(m -> m.theoryCourses().stream()
                .anyMatch(c -> c.code().equals("03709") && c.name().equals("马克思主义基本原理概论")))).hasSizeGreaterThan(3);
    }

    @Test
    @DisplayName("ENR-9: 复旦大学 新闻学 and 华东师范大学 学前教育 share 2026年10月24日 上午 (传播学概论 / 学前心理学)")
    void theUniversitiesSlotsOverlap() {
        TheoryCourse communication = course("10246", "B050301", "00642");
        TheoryCourse preschoolPsychology = course("10269", "B040106", "00384");

        assertThat(communication.name()).isEqualTo("传播学概论");
        assertThat(preschoolPsychology.name()).isEqualTo("学前心理学");
        assertThat(communication.slot()).isEqualTo(preschoolPsychology.slot());
        assertThat(communication.slot().label()).isEqualTo("2026年10月24日 上午");
        Set<ExamSlot> fudan = slots("10246", "B050301");
        Set<ExamSlot> ecnu = slots("10269", "B040106");
        assertThat(fudan).as("every slot of one is a slot of the other: a candidate of both must choose").isEqualTo(ecnu);
    }

    @Test
    @DisplayName("SST-5: practical courses of both categories and both payments; one's set time clashes with a theory slot")
    void thePracticalCourses() {
        List<PracticalCourse> practical = majors().stream().flatMap(m -> m.practicalCourses().stream()).toList();

        assertThat(practical).extracting(PracticalCourse::category)
                .contains(PracticalCategory.PUBLIC, PracticalCategory.NON_PUBLIC);
        assertThat(practical).extracting(PracticalCourse::payment)
                .contains(PracticalPayment.REVIEW_BEFORE_PAYMENT, PracticalPayment.AT_UNIVERSITY);
        Major journalism = major("10246", "B050301");
        PracticalCourse photography = journalism.practicalCourses().stream().filter(p -> p.slot() != null)
                .findFirst().orElseThrow();
        assertThat(photography.name()).isEqualTo("新闻摄影（实践）");
        assertThat(journalism.theoryCourses()).extracting(TheoryCourse::slot).contains(photography.slot());
    }

    @Test
    @DisplayName("SST-5, SST-4: the outer exam areas and a short questionnaire (single, multiple, optional text)")
    void outerAreasAndQuestionnaire() {
        assertThat(plan.outerAreas()).extracting(OuterArea::name).containsExactly("金山区", "崇明区", "奉贤区", "青浦区");
        Questionnaire questionnaire = plan.questionnaire();
        assertThat(questionnaire.version()).isEqualTo("2026-10");
        assertThat(questionnaire.questions()).hasSizeBetween(3, 4);
        Map<String, Questionnaire.Question> byId = questionnaire.questions().stream()
                .collect(Collectors.toMap(Questionnaire.Question::id, q -> q));
        assertThat(byId.get("purpose").kind()).isEqualTo(Questionnaire.Kind.SINGLE);
        assertThat(byId.get("purpose").text()).contains("目的");
        assertThat(byId.get("channel").kind()).isEqualTo(Questionnaire.Kind.MULTIPLE);
        assertThat(byId.get("advice").kind()).isEqualTo(Questionnaire.Kind.TEXT);
        assertThat(byId.get("advice").required()).isFalse();
    }

    private List<University> universities() {
        return plan.universities();
    }

    private List<Major> majors() {
        return universities().stream().flatMap(u -> u.majors().stream()).toList();
    }

    private Major major(String university, String major) {
        return universities().stream().filter(u -> u.code().equals(university)).findFirst().orElseThrow()
                .majors().stream().filter(m -> m.code().equals(major)).findFirst().orElseThrow();
    }

    private TheoryCourse course(String university, String major, String code) {
        return major(university, major).theoryCourses().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow();
    }

    private Set<ExamSlot> slots(String university, String major) {
        return major(university, major).theoryCourses().stream().map(TheoryCourse::slot).collect(Collectors.toSet());
    }
}
