package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.exam.CoursePlans.SATURDAY;
import static org.baokao.enrollment.exam.CoursePlans.SUNDAY;
import static org.baokao.enrollment.exam.CoursePlans.theory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The courses, outer areas and questionnaire of a course plan (ENR-1, ENR-9, SST-4): each rule with its field path,
 * stable code and Chinese message.
 */
class CoursePlanCoursesTest {

    private static final String MAJOR = "catalogue.universities[0].majors[0]";

    @Test
    @DisplayName("ENR-9: a theory course needs code, name, 1-20 credits, a fee > 0 fen, a sane date and a half-day")
    void theoryCourseFields() {
        List<Violation> violations = check(major(List.of(
                new TheoryCourse(null, " ", null, null, null, null),
                new TheoryCourse("0064 2", "传".repeat(201), 0, 0L, LocalDate.of(226, 10, 24), HalfDay.AM),
                new TheoryCourse("00643", "广告学", 21, -1L, LocalDate.of(2100, 1, 1), HalfDay.PM),
                new TheoryCourse("00644", "新闻学概论", 20, ExamRules.MAX_FEE_FEN + 1, SATURDAY, HalfDay.AM),
                new TheoryCourse("00645", "传播学", 1, ExamRules.MAX_FEE_FEN, SUNDAY, HalfDay.AM)), List.of()));

        assertThat(fieldsAndCodes(violations)).containsExactly(
                MAJOR + ".theoryCourses[0].code COURSE_CODE_INVALID",
                MAJOR + ".theoryCourses[0].name COURSE_NAME_REQUIRED",
                MAJOR + ".theoryCourses[0].credits COURSE_CREDITS_REQUIRED",
                MAJOR + ".theoryCourses[0].feeFen COURSE_FEE_REQUIRED",
                MAJOR + ".theoryCourses[0].date COURSE_DATE_REQUIRED",
                MAJOR + ".theoryCourses[0].halfDay COURSE_HALF_DAY_REQUIRED",
                MAJOR + ".theoryCourses[1].code COURSE_CODE_INVALID",
                MAJOR + ".theoryCourses[1].name COURSE_NAME_TOO_LONG",
                MAJOR + ".theoryCourses[1].credits COURSE_CREDITS_INVALID",
                MAJOR + ".theoryCourses[1].feeFen COURSE_FEE_INVALID",
                MAJOR + ".theoryCourses[1].date COURSE_DATE_OUT_OF_RANGE",
                MAJOR + ".theoryCourses[2].credits COURSE_CREDITS_INVALID",
                MAJOR + ".theoryCourses[2].feeFen COURSE_FEE_INVALID",
                MAJOR + ".theoryCourses[2].date COURSE_DATE_OUT_OF_RANGE",
                MAJOR + ".theoryCourses[3].feeFen COURSE_FEE_TOO_LARGE");
        assertThat(messageOf(violations, "COURSE_CREDITS_INVALID")).isEqualTo("课程学分应为1至20的整数");
        assertThat(messageOf(violations, "COURSE_FEE_INVALID")).isEqualTo("课程报考费应大于0（单位：分）");
        assertThat(messageOf(violations, "COURSE_DATE_OUT_OF_RANGE")).isEqualTo("考试日期应在2000年至2099年之间");
        assertThat(messageOf(violations, "COURSE_HALF_DAY_REQUIRED")).isEqualTo("请选择考试时段（上午或下午）");
    }

    @Test
    @DisplayName("ENR-9: one major never has two theory courses in one half-day slot; other majors may share it")
    void oneTheoryCoursePerSlotPerMajor() {
        Major journalism = major(List.of(theory("00642", "传播学概论", SATURDAY, HalfDay.AM),
                theory("03709", "马克思主义基本原理概论", SATURDAY, HalfDay.PM),
                theory("00654", "新闻采访写作", SATURDAY, HalfDay.AM)), List.of());
        List<Violation> violations = new CoursePlanCatalogue(List.of(new University("10246", "复旦大学", null,
                List.of(journalism)))).check();

        assertThat(violations).containsExactly(new Violation(MAJOR + ".theoryCourses[2].date", "THEORY_SLOT_DUPLICATE",
                "专业新闻学的《传播学概论》与《新闻采访写作》都安排在2026年10月24日 上午，同一专业的同一考试时间只能安排一门理论课"));

        // the same slot in another major, of the same university or another, is the candidates' choice (ENR-9)
        Major administration = new Major("B120402", "行政管理学", false,
                List.of(theory("00312", "政治学概论", SATURDAY, HalfDay.AM)), List.of());
        Major preschool = new Major("B040106", "学前教育", false,
                List.of(theory("00384", "学前心理学", SATURDAY, HalfDay.AM)), List.of());
        assertThat(new CoursePlanCatalogue(List.of(
                new University("10246", "复旦大学", null, List.of(major(List.of(
                        theory("00642", "传播学概论", SATURDAY, HalfDay.AM)), List.of()), administration)),
                new University("10269", "华东师范大学", null, List.of(preschool)))).check()).isEmpty();
    }

    @Test
    @DisplayName("ENR-9: course codes are unique within a major, theory and practical together, not across majors")
    void courseCodesAreUniquePerMajor() {
        Major journalism = major(List.of(theory("00642", "传播学概论", SATURDAY, HalfDay.AM),
                theory("00642", "传播学概论", SUNDAY, HalfDay.AM)), List.of(
                new PracticalCourse("00642", "传播学概论（实践）", 2, PracticalCategory.NON_PUBLIC,
                        PracticalPayment.AT_UNIVERSITY, null, null)));

        List<Violation> violations = check(journalism);

        assertThat(fieldsAndCodes(violations)).containsExactly(
                MAJOR + ".theoryCourses[1].code COURSE_CODE_DUPLICATE",
                MAJOR + ".practicalCourses[0].code COURSE_CODE_DUPLICATE");
        assertThat(violations.getFirst().message()).isEqualTo("专业新闻学的课程代码重复：00642");
        // 03709 in two majors of one university: each major has its own plan
        assertThat(CoursePlans.withCourses().universities().get(0).majors().stream()
                .filter(m -> m.theoryCourses().stream().anyMatch(c -> c.code().equals("03709")))).hasSize(1);
    }

    @Test
    @DisplayName("ENR-9: a practical course needs its category and payment; its set time is date and half-day or none")
    void practicalCourseFields() {
        Major major = major(List.of(), List.of(
                new PracticalCourse("10287", "新闻摄影（实践）", null, null, null, SATURDAY, null),
                new PracticalCourse("10288", "毕业论文", 0, PracticalCategory.PUBLIC, PracticalPayment.AT_UNIVERSITY,
                        null, HalfDay.PM),
                new PracticalCourse("10289", "计算机应用基础（实践）", 2, PracticalCategory.PUBLIC,
                        PracticalPayment.REVIEW_BEFORE_PAYMENT, LocalDate.of(1999, 12, 31), HalfDay.AM),
                new PracticalCourse("10290", "新闻采访（实践）", null, PracticalCategory.NON_PUBLIC,
                        PracticalPayment.REVIEW_BEFORE_PAYMENT, SUNDAY, HalfDay.AM),
                new PracticalCourse("10291", "社会调查（实践）", 3, PracticalCategory.NON_PUBLIC,
                        PracticalPayment.AT_UNIVERSITY, null, null)));

        List<Violation> violations = check(major);

        assertThat(fieldsAndCodes(violations)).containsExactly(
                MAJOR + ".practicalCourses[0].category PRACTICAL_CATEGORY_REQUIRED",
                MAJOR + ".practicalCourses[0].payment PRACTICAL_PAYMENT_REQUIRED",
                MAJOR + ".practicalCourses[0].halfDay PRACTICAL_SLOT_INCOMPLETE",
                MAJOR + ".practicalCourses[1].credits COURSE_CREDITS_INVALID",
                MAJOR + ".practicalCourses[1].date PRACTICAL_SLOT_INCOMPLETE",
                MAJOR + ".practicalCourses[2].date COURSE_DATE_OUT_OF_RANGE");
        assertThat(messageOf(violations, "PRACTICAL_SLOT_INCOMPLETE")).isEqualTo("实践课的考试日期和时段应同时填写或同时不填");
        assertThat(messageOf(violations, "PRACTICAL_CATEGORY_REQUIRED")).isEqualTo("请选择实践课类别（公共实践类或非公共实践类）");
    }

    @Test
    void nullCoursesAreReportedWhereTheyAre() {
        Major major = major(Arrays.asList(theory("00642", "传播学概论", SATURDAY, HalfDay.AM), null),
                Arrays.asList((PracticalCourse) null));

        assertThat(fieldsAndCodes(check(major))).containsExactly(
                MAJOR + ".theoryCourses[1] THEORY_COURSE_REQUIRED",
                MAJOR + ".practicalCourses[0] PRACTICAL_COURSE_REQUIRED");
    }

    @Test
    @DisplayName("ENR-9: outer exam areas have valid, unique codes and unique names")
    void outerAreas() {
        CoursePlanCatalogue plan = new CoursePlanCatalogue(ExamDrafts.coursePlan().universities(), Arrays.asList(
                new OuterArea("310116", "金山区"), new OuterArea("310116", "崇明区"), new OuterArea("310120", " 金山区 "),
                new OuterArea("31 01", ""), null), null);

        List<Violation> violations = plan.check();

        assertThat(fieldsAndCodes(violations)).containsExactly(
                "catalogue.outerAreas[1].code OUTER_AREA_CODE_DUPLICATE",
                "catalogue.outerAreas[2].name OUTER_AREA_NAME_DUPLICATE",
                "catalogue.outerAreas[3].code OUTER_AREA_CODE_INVALID",
                "catalogue.outerAreas[3].name OUTER_AREA_NAME_REQUIRED",
                "catalogue.outerAreas[4] OUTER_AREA_REQUIRED");
        assertThat(violations.getFirst().message()).isEqualTo("远郊考区代码重复：310116");
    }

    @Test
    @DisplayName("SST-4: the questionnaire needs a version, a title and questions with unique ids; choices need 2+ options")
    void questionnaire() {
        Questionnaire bad = new Questionnaire(" ", "", Arrays.asList(
                new Questionnaire.Question("purpose", "报考目的", Questionnaire.Kind.SINGLE, List.of("提升学历"), true),
                new Questionnaire.Question("purpose", " ", null, null, null),
                new Questionnaire.Question("channel", "信息渠道", Questionnaire.Kind.MULTIPLE,
                        Arrays.asList("网站", " 网站", "", "渠".repeat(101)), true),
                new Questionnaire.Question("advice!", "建议", Questionnaire.Kind.TEXT, List.of("无"), false),
                null));

        List<Violation> violations = CoursePlans.withCourses(bad).check();

        assertThat(fieldsAndCodes(violations)).containsExactly(
                "catalogue.questionnaire.version QUESTIONNAIRE_VERSION_REQUIRED",
                "catalogue.questionnaire.title QUESTIONNAIRE_TITLE_REQUIRED",
                "catalogue.questionnaire.questions[0].options QUESTION_OPTIONS_TOO_FEW",
                "catalogue.questionnaire.questions[1].id QUESTION_ID_DUPLICATE",
                "catalogue.questionnaire.questions[1].text QUESTION_TEXT_REQUIRED",
                "catalogue.questionnaire.questions[1].kind QUESTION_KIND_REQUIRED",
                "catalogue.questionnaire.questions[2].options[1] QUESTION_OPTION_DUPLICATE",
                "catalogue.questionnaire.questions[2].options[2] QUESTION_OPTION_BLANK",
                "catalogue.questionnaire.questions[2].options[3] QUESTION_OPTION_TOO_LONG",
                "catalogue.questionnaire.questions[3].id QUESTION_ID_INVALID",
                "catalogue.questionnaire.questions[3].options QUESTION_OPTIONS_NOT_ALLOWED",
                "catalogue.questionnaire.questions[4] QUESTION_REQUIRED");
        assertThat(messageOf(violations, "QUESTION_OPTIONS_TOO_FEW")).isEqualTo("单选题和多选题至少要有两个选项");
        assertThat(messageOf(violations, "QUESTION_ID_DUPLICATE")).isEqualTo("问题编号重复：purpose");

        assertThat(fieldsAndCodes(CoursePlans.withCourses(new Questionnaire("2026/10", "问卷", List.of())).check()))
                .containsExactly("catalogue.questionnaire.version QUESTIONNAIRE_VERSION_INVALID",
                        "catalogue.questionnaire.questions QUESTIONNAIRE_QUESTIONS_REQUIRED");
        assertThat(CoursePlans.withCourses(null).check()).as("a sitting without a questionnaire").isEmpty();
        assertThat(CoursePlans.questionnaire().questions().get(2).required()).as("absent is false").isFalse();
    }

    @Test
    @DisplayName("ENR-1: a 自考 exam's courses need no fee items: the exam with a course plan and one fee item is sound")
    void theFeeScheduleNeedsNoItemPerCourse() {
        assertThat(ExamRules.check(CoursePlans.selfStudy("SH-2026-10"))).isEmpty();
    }

    private static Major major(List<TheoryCourse> theory, List<PracticalCourse> practical) {
        return new Major("B050301", "新闻学", false, theory, practical);
    }

    private static List<Violation> check(Major major) {
        return new CoursePlanCatalogue(List.of(new University("10246", "复旦大学", null, List.of(major)))).check();
    }

    private static List<String> fieldsAndCodes(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.code()).toList();
    }

    private static String messageOf(List<Violation> violations, String code) {
        return violations.stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().message();
    }
}
