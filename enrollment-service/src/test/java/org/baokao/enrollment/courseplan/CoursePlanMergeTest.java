package org.baokao.enrollment.courseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.enrollment.exam.CoursePlans.SATURDAY;
import static org.baokao.enrollment.exam.CoursePlans.theory;

import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlans;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.tabular.RowError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A file's courses put into the plan (ENR-1, ENR-9): the named majors replaced whole, the rest kept, errors at lines. */
class CoursePlanMergeTest {

    private final CoursePlanCatalogue current = CoursePlans.withCourses();

    @Test
    @DisplayName("ENR-1: the majors the file names get exactly its courses, in its order; the others keep theirs")
    void namedMajorsAreReplaced() {
        TheoryCourse politics = theory("00009", "政治经济学（财经类）", SATURDAY, HalfDay.AM);
        PracticalCourse thesis = new PracticalCourse("06999", "毕业论文", 6, PracticalCategory.NON_PUBLIC,
                PracticalPayment.AT_UNIVERSITY, null, null);
        TheoryCourse pharmacology = theory("03029", "药理学（三）", SATURDAY, HalfDay.PM);

        CoursePlanMerge merge = CoursePlanMerge.of(current, List.of(
                new CoursePlanRow(2, "10246", "B020101", politics, null),
                new CoursePlanRow(3, "10268", "B100701", pharmacology, null),
                new CoursePlanRow(4, "10246", "B020101", null, thesis)));

        Major economics = merge.plan().universities().get(0).majors().get(0);
        assertThat(economics.theoryCourses()).containsExactly(politics);
        assertThat(economics.practicalCourses()).containsExactly(thesis);
        assertThat(merge.plan().universities().get(0).majors().get(1)).as("法学, not in the file")
                .isEqualTo(current.universities().get(0).majors().get(1));
        assertThat(merge.plan().universities().get(1).majors().get(1).theoryCourses()).containsExactly(pharmacology);
        assertThat(merge.plan().outerAreas()).isEqualTo(current.outerAreas());
        assertThat(merge.plan().questionnaire()).isEqualTo(current.questionnaire());
        assertThat(merge.majors()).containsExactly(
                new CoursePlanMerge.MajorCount("10246", "复旦大学", "B020101", "经济学", 1, 1),
                new CoursePlanMerge.MajorCount("10268", "上海中医药大学", "B100701", "药学", 1, 0));
        assertThat(merge.plan().check()).isEmpty();
    }

    @Test
    @DisplayName("ENR-1: universities and majors must be the plan's: each row that names another is refused")
    void unknownUniversitiesAndMajorsAreRefused() {
        TheoryCourse course = theory("00009", "政治经济学（财经类）", SATURDAY, HalfDay.AM);

        assertThatThrownBy(() -> CoursePlanMerge.of(current, List.of(new CoursePlanRow(2, "10246", "B020101", course,
                null), new CoursePlanRow(3, "10269", "B040106", course, null), new CoursePlanRow(4, "10246", "B040106",
                course, null)))).isInstanceOfSatisfying(CoursePlanMerge.Unplaced.class, e -> assertThat(e.errors())
                .containsExactly(new RowError(3, "主考学校代码", "UNIVERSITY_UNKNOWN",
                                "主考学校代码10269不在本次考试的主考学校中（请先在考试配置中添加主考学校）"),
                        new RowError(4, "专业代码", "MAJOR_UNKNOWN", "复旦大学没有专业代码为B040106的专业（请先在考试配置中添加专业）")));
    }

    @Test
    @DisplayName("ENR-9: what the plan's check says of a file's course is told at its line and column")
    void violationsAreToldAtTheirLines() {
        CoursePlanMerge merge = CoursePlanMerge.of(current, List.of(
                new CoursePlanRow(7, "10268", "B100701", theory("03029", "药理学（三）", SATURDAY, HalfDay.AM), null),
                new CoursePlanRow(9, "10268", "B100701", new TheoryCourse("03030", "药物化学", 25, 4500L, SATURDAY,
                        HalfDay.AM), null),
                new CoursePlanRow(12, "10268", "B100701", null, new PracticalCourse("03029", "药理学（实践）", 2,
                        PracticalCategory.PUBLIC, null, null, null))));

        assertThat(merge.rowErrors(merge.plan().check())).extracting(e -> e.line() + " " + e.field() + " " + e.code())
                .containsExactly("9 学分 COURSE_CREDITS_INVALID", "9 考试日期 THEORY_SLOT_DUPLICATE",
                        "12 课程代码 COURSE_CODE_DUPLICATE", "12 实践课缴费 PRACTICAL_PAYMENT_REQUIRED");
    }
}
