package org.baokao.enrollment.exam;

import java.time.LocalDate;
import java.util.List;

import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;

/**
 * A sound course plan with courses for tests (ENR-9, SST-4): {@link ExamDrafts#coursePlan()}'s universities and majors
 * (复旦大学 10246 经济学/法学, 上海中医药大学 10268 中药学 (special)/药学), each major with theory courses on
 * 2026-10-24/25 and practical courses, two outer areas and a three-question questionnaire (version {@code Q1}).
 * 复旦大学's 经济学 and 上海中医药大学's 药学 both sit a course on 2026-10-24 上午.
 */
public final class CoursePlans {

    public static final LocalDate SATURDAY = LocalDate.of(2026, 10, 24);
    public static final LocalDate SUNDAY = LocalDate.of(2026, 10, 25);

    private CoursePlans() {
    }

    public static TheoryCourse theory(String code, String name, LocalDate date, HalfDay halfDay) {
        return new TheoryCourse(code, name, 4, 4500L, date, halfDay);
    }

    public static CoursePlanCatalogue withCourses() {
        return withCourses(questionnaire());
    }

    public static CoursePlanCatalogue withCourses(Questionnaire questionnaire) {
        Major economics = new Major("B020101", "经济学", false, List.of(
                theory("03709", "马克思主义基本原理概论", SATURDAY, HalfDay.AM),
                theory("00009", "政治经济学（财经类）", SATURDAY, HalfDay.PM),
                theory("00065", "国民经济统计概论", SUNDAY, HalfDay.AM)),
                List.of(new PracticalCourse("00019", "计算机应用基础（实践）", 2, PracticalCategory.PUBLIC,
                        PracticalPayment.AT_UNIVERSITY, null, null)));
        Major law = new Major("B030101", "法学", false, List.of(
                theory("05677", "法理学", SATURDAY, HalfDay.AM),
                theory("00245", "刑法学", SUNDAY, HalfDay.PM)),
                List.of(new PracticalCourse("06999", "毕业论文", 6, PracticalCategory.NON_PUBLIC,
                        PracticalPayment.REVIEW_BEFORE_PAYMENT, SUNDAY, HalfDay.AM)));
        Major chineseMedicine = new Major("C100801", "中药学", true, List.of(
                theory("03042", "中药鉴定学", SUNDAY, HalfDay.PM)), List.of());
        Major pharmacy = new Major("B100701", "药学", false, List.of(
                theory("03029", "药理学（三）", SATURDAY, HalfDay.AM)), List.of());
        return new CoursePlanCatalogue(List.of(
                new University("10246", "复旦大学", null, List.of(economics, law)),
                new University("10268", "上海中医药大学", "中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。",
                        List.of(chineseMedicine, pharmacy))),
                List.of(new OuterArea("310116", "金山区"), new OuterArea("310151", "崇明区")), questionnaire);
    }

    /** 报考目的 (single, required), 获取信息渠道 (multiple, required), 建议 (text, optional). */
    public static Questionnaire questionnaire() {
        return new Questionnaire("Q1", "考生问卷调查", List.of(
                new Questionnaire.Question("purpose", "您报考自学考试的主要目的是", Questionnaire.Kind.SINGLE,
                        List.of("提升学历", "职业发展需要", "个人兴趣"), true),
                new Questionnaire.Question("channel", "您通过哪些渠道了解自学考试报名信息", Questionnaire.Kind.MULTIPLE,
                        List.of("考试院网站", "微信公众号", "主考学校", "亲友介绍"), true),
                new Questionnaire.Question("advice", "您对自学考试报名工作的建议", Questionnaire.Kind.TEXT, null, null)));
    }

    /** {@link ExamDrafts#selfStudy} with {@link #withCourses()}. */
    public static ExamDraft selfStudy(String code) {
        return ExamDrafts.with(ExamDrafts.selfStudy(code), b -> {
            b.catalogue = withCourses();
            return b;
        });
    }
}
