package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The Shanghai 自考 catalogue (ENR-1, ACC-3): its rules, each with its stable code and field, and its JSON. */
class CoursePlanCatalogueTest {

    private final CoursePlanCatalogue sound = ExamDrafts.coursePlan();
    private final University fudan = sound.universities().get(0);
    private final University shutcm = sound.universities().get(1);

    @Test
    void aSoundCoursePlanServesSelfStudyAndChargesNothingThroughTheFeeSchedule() {
        assertThat(sound.check()).isEmpty();
        assertThat(sound.servesKind()).isEqualTo(ExamKind.SELF_STUDY);
        assertThat(sound.chargeableCodes()).isEmpty();
        assertThat(CoursePlans.withCourses().check()).isEmpty();
        assertThat(CoursePlans.withCourses().chargeableCodes()).as("courses carry their own fees").isEmpty();
    }

    @Test
    void atLeastOneUniversityIsRequired() {
        assertThat(new CoursePlanCatalogue(List.of()).check()).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("catalogue.universities", "CATALOGUE_UNIVERSITIES_REQUIRED"));
        assertThat(codes(new CoursePlanCatalogue(null))).containsExactly("CATALOGUE_UNIVERSITIES_REQUIRED");
    }

    @Test
    void universityCodesAreValidAndUnique() {
        CoursePlanCatalogue plan = plan(fudan, new University("10246", "上海中医药大学", null, shutcm.majors()),
                new University("10 268", "同济大学", null, fudan.majors()), new University(null, "华东师范大学", null,
                        fudan.majors()));

        assertThat(plan.check()).containsExactly(
                new Violation("catalogue.universities[1].code", "UNIVERSITY_CODE_DUPLICATE", "主考学校代码重复：10246"),
                new Violation("catalogue.universities[2].code", "UNIVERSITY_CODE_INVALID",
                        "主考学校代码应为1至32位字母、数字、下划线或连字符"),
                new Violation("catalogue.universities[3].code", "UNIVERSITY_CODE_INVALID",
                        "主考学校代码应为1至32位字母、数字、下划线或连字符"));
    }

    @Test
    void universityNamesAreRequiredShortAndUnique() {
        CoursePlanCatalogue plan = plan(fudan, new University("10247", " 复旦大学 ", null, fudan.majors()),
                new University("10248", " ", null, fudan.majors()),
                new University("10249", "校".repeat(201), null, fudan.majors()));

        assertThat(fieldsAndCodes(plan)).containsExactly(
                "catalogue.universities[1].name UNIVERSITY_NAME_DUPLICATE",
                "catalogue.universities[2].name UNIVERSITY_NAME_REQUIRED",
                "catalogue.universities[3].name UNIVERSITY_NAME_TOO_LONG");
        assertThat(plan.check().getFirst().message()).isEqualTo("主考学校名称重复：复旦大学");
    }

    @Test
    void theNoticeIsOptionalAndAtMost500Characters() {
        // 500 characters counted as a reader does: '𠀀' is one character in two UTF-16 units
        String longest = "𠀀".repeat(500);
        assertThat(plan(new University("10246", "复旦大学", longest, fudan.majors())).check()).isEmpty();
        assertThat(plan(new University("10246", "复旦大学", "", fudan.majors())).check()).isEmpty();

        List<Violation> tooLong = plan(new University("10246", "复旦大学", longest + "。", fudan.majors())).check();
        assertThat(tooLong).containsExactly(new Violation("catalogue.universities[0].notice",
                "UNIVERSITY_NOTICE_TOO_LONG", "主考学校的温馨提示不能超过500个字"));
    }

    @Test
    void eachUniversityOffersAtLeastOneMajor() {
        assertThat(plan(fudan, new University("10268", "上海中医药大学", null, List.of())).check()).containsExactly(
                new Violation("catalogue.universities[1].majors", "UNIVERSITY_MAJORS_REQUIRED",
                        "主考学校上海中医药大学至少要有一个专业"));
        assertThat(codes(plan(new University("10268", "上海中医药大学", null, null))))
                .containsExactly("UNIVERSITY_MAJORS_REQUIRED");
    }

    @Test
    void majorCodesAreValidAndUniqueWithinTheirUniversityOnly() {
        List<Major> majors = new ArrayList<>(shutcm.majors());
        majors.add(new Major("C100801", "中药学（二）", true));
        majors.add(new Major("C/1", "护理学", true));
        majors.add(new Major("C101101", "", false));
        // 经济学 B020101 at both universities: each university has its own major codes
        majors.add(fudan.majors().getFirst());

        assertThat(fieldsAndCodes(plan(fudan, new University("10268", "上海中医药大学", null, majors)))).containsExactly(
                "catalogue.universities[1].majors[2].code MAJOR_CODE_DUPLICATE",
                "catalogue.universities[1].majors[3].code MAJOR_CODE_INVALID",
                "catalogue.universities[1].majors[4].name MAJOR_NAME_REQUIRED");
        assertThat(plan(fudan, new University("10268", "上海中医药大学", null, majors)).check().getFirst().message())
                .isEqualTo("主考学校上海中医药大学的专业代码重复：C100801");
    }

    @Test
    void nullEntriesAreReportedWhereTheyAre() {
        University withNullMajor = new University("10268", "上海中医药大学", null,
                Arrays.asList(shutcm.majors().getFirst(), null));
        CoursePlanCatalogue plan = new CoursePlanCatalogue(Arrays.asList(fudan, null, withNullMajor));

        assertThat(plan.check()).containsExactly(
                new Violation("catalogue.universities[1]", "UNIVERSITY_REQUIRED", "主考学校不能为空"),
                new Violation("catalogue.universities[2].majors[1]", "MAJOR_REQUIRED", "专业不能为空"));
    }

    @Test
    void everyFaultIsReportedAtOnce() {
        CoursePlanCatalogue plan = plan(new University("", "", "提".repeat(501), List.of(new Major("", "", false))));

        assertThat(codes(plan)).containsExactly("UNIVERSITY_CODE_INVALID", "UNIVERSITY_NAME_REQUIRED",
                "UNIVERSITY_NOTICE_TOO_LONG", "MAJOR_CODE_INVALID", "MAJOR_NAME_REQUIRED");
    }

    /** The exam stores the catalogue as JSON with its form (ExamRepository): it must come back the same. */
    @Test
    void itRoundTripsThroughJsonWithItsFormAndSpecialDefaultsToFalse() {
        JsonMapper json = JsonMapper.builder().build();
        String written = json.writerFor(Catalogue.class).writeValueAsString(sound);

        assertThat(json.readTree(written).path("form").asString()).isEqualTo("COURSE_PLAN");
        assertThat(json.readTree(written).propertyNames()).containsExactlyInAnyOrder("form", "universities",
                "outerAreas", "questionnaire");
        assertThat(json.readValue(written, Catalogue.class)).isEqualTo(sound);
        CoursePlanCatalogue full = CoursePlans.withCourses();
        String withCourses = json.writerFor(Catalogue.class).writeValueAsString(full);
        assertThat(json.readValue(withCourses, Catalogue.class)).isEqualTo(full);
        assertThat(json.readTree(withCourses).at("/universities/0/majors/0/theoryCourses/0").toString())
                .isEqualTo("{\"code\":\"03709\",\"name\":\"马克思主义基本原理概论\",\"credits\":4,\"feeFen\":4500,"
                        + "\"date\":\"2026-10-24\",\"halfDay\":\"AM\"}");

        // a plan stored before courses, outer areas and questionnaires: empty lists, no questionnaire
        Catalogue sent = json.readValue("""
                {"form": "COURSE_PLAN", "universities": [{"code": "10246", "name": "复旦大学",
                 "majors": [{"code": "B020101", "name": "经济学"}]}]}""", Catalogue.class);
        assertThat(sent).isEqualTo(plan(new University("10246", "复旦大学", null,
                List.of(new Major("B020101", "经济学", false)))));

        Catalogue withNull = json.readValue("""
                {"form": "COURSE_PLAN", "universities": [null]}""", Catalogue.class);
        assertThat(codes((CoursePlanCatalogue) withNull)).containsExactly("UNIVERSITY_REQUIRED");
    }

    private static CoursePlanCatalogue plan(University... universities) {
        return new CoursePlanCatalogue(List.of(universities));
    }

    private static List<String> codes(CoursePlanCatalogue plan) {
        return plan.check().stream().map(Violation::code).toList();
    }

    private static List<String> fieldsAndCodes(CoursePlanCatalogue plan) {
        return plan.check().stream().map(v -> v.field() + " " + v.code()).toList();
    }
}
