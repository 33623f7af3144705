package org.baokao.enrollment.courses;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.baokao.enrollment.exam.DailyHours;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.OuterArea;
import org.baokao.enrollment.exam.Pledge;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.TheoryCourse;

/**
 * The test sitting's course plan (ENR-9): 复旦大学 10246 新闻学 and 华东师范大学 10269 学前教育, whose slots overlap the
 * way the seed warns about:
 * <pre>
 *               10-24 上午        10-24 下午            10-25 上午       10-25 下午            10-31 上午
 *  复旦 新闻学   00642 传播学概论   00653 中外新闻作品研究  00182 公共关系学  实践 10001 (set time)
 *  华东师大 学前 00412 学前心理学   实践 20001 (set time)                   00398 学前教育原理     00385 学前卫生学
 * </pre>
 * Each theory course costs 45 元; 10246's 10002 毕业论文 is reviewed before payment and has no set time.
 */
final class CoursePlans {

    static final String FUDAN = "10246";
    static final String ECNU = "10269";
    static final String JOURNALISM = "B050301";
    static final String PRESCHOOL = "B040106";
    static final LocalDate OCT_24 = LocalDate.of(2026, 10, 24);
    static final LocalDate OCT_25 = LocalDate.of(2026, 10, 25);
    static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);
    static final long FEE = 4500;

    private CoursePlans() {
    }

    static CoursePlanCatalogue catalogue() {
        return new CoursePlanCatalogue(List.of(
                new University(FUDAN, "复旦大学", null, List.of(
                        new Major(JOURNALISM, "新闻学", false, List.of(
                                theory("00642", "传播学概论", OCT_24, HalfDay.AM),
                                theory("00653", "中外新闻作品研究", OCT_24, HalfDay.PM),
                                theory("00182", "公共关系学", OCT_25, HalfDay.AM)), List.of(
                                new PracticalCourse("10001", "新闻采访写作实践", 3, PracticalCategory.NON_PUBLIC,
                                        PracticalPayment.AT_UNIVERSITY, OCT_25, HalfDay.PM),
                                new PracticalCourse("10002", "毕业论文", 6, PracticalCategory.NON_PUBLIC,
                                        PracticalPayment.REVIEW_BEFORE_PAYMENT, null, null))),
                        new Major("B030101", "法学", false, List.of(
                                theory("00230", "合同法", OCT_31, HalfDay.PM)), List.of()))),
                new University(ECNU, "华东师范大学", null, List.of(
                        new Major(PRESCHOOL, "学前教育", false, List.of(
                                theory("00412", "学前心理学", OCT_24, HalfDay.AM),
                                theory("00398", "学前教育原理", OCT_25, HalfDay.PM),
                                theory("00385", "学前卫生学", OCT_31, HalfDay.AM)), List.of(
                                new PracticalCourse("20001", "计算机应用基础（实践）", 2, PracticalCategory.PUBLIC,
                                        PracticalPayment.AT_UNIVERSITY, OCT_24, HalfDay.PM)))))),
                List.of(new OuterArea("310116", "金山区"), new OuterArea("310118", "青浦区")), null);
    }

    static TheoryCourse theory(String code, String name, LocalDate date, HalfDay halfDay) {
        return new TheoryCourse(code, name, 4, FEE, date, halfDay);
    }

    /** The sitting: registration open 2026-09-01 to 2026-09-10 (Beijing midnight), payment the same days. */
    static Exam exam() {
        return new Exam(UUID.randomUUID(), "SH-ZK-2026-10", "2026年10月上海市高等教育自学考试", ExamKind.SELF_STUDY,
                new Exam.Window(Instant.parse("2026-08-31T16:00:00Z"), Instant.parse("2026-09-10T16:00:00Z")),
                new Exam.Window(Instant.parse("2026-08-31T16:00:00Z"), Instant.parse("2026-09-10T16:00:00Z")),
                DailyHours.ALL_DAY, List.of(), List.of(), new Pledge(2, "本人承诺所报课程信息真实准确。"), catalogue(), List.of(),
                "sh");
    }

    static CourseSitting sitting() {
        return new CourseSitting(exam(), CoursePlan.of(catalogue()));
    }

    /** The candidate holds both universities. */
    static List<HeldMajor> held() {
        return List.of(new HeldMajor(FUDAN, "复旦大学", JOURNALISM, "新闻学"),
                new HeldMajor(ECNU, "华东师范大学", PRESCHOOL, "学前教育"));
    }

    static CourseRef fudan(String course) {
        return new CourseRef(FUDAN, course);
    }

    static CourseRef ecnu(String course) {
        return new CourseRef(ECNU, course);
    }
}
