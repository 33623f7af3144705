package org.baokao.enrollment.demo;

import static org.baokao.enrollment.exam.HalfDay.AM;
import static org.baokao.enrollment.exam.HalfDay.PM;
import static org.baokao.enrollment.exam.PracticalCategory.NON_PUBLIC;
import static org.baokao.enrollment.exam.PracticalCategory.PUBLIC;
import static org.baokao.enrollment.exam.PracticalPayment.AT_UNIVERSITY;
import static org.baokao.enrollment.exam.PracticalPayment.REVIEW_BEFORE_PAYMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.OuterArea;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.Questionnaire;
import org.baokao.enrollment.exam.TheoryCourse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ./baokao up: the Shanghai demo sitting, {@code SH-ZK-2026-10} 2026年10月上海市高等教育自学考试 of bureau {@code sh},
 * configured like {@link DemoExam} at every start (after the bureaus) with registration and payment open from 30 days
 * before to 60 days after the start day. Its course plan names four examining universities (主考学校), each with its
 * 温馨提示 and majors; 中药学 and 护理学 at 上海中医药大学 are 特殊专业 (ENR-10), reviewed by hand before their
 * candidates pay. Each major has its theory courses on the two exam days, 2026-10-24 and 2026-10-25, one per half-day
 * slot (上午/下午), 45元 each, and most have a practical course (公共/非公共实践类, reviewed before payment or paid at
 * the university; 复旦大学's 新闻摄影（实践） has a set time that clashes with 新闻采访写作). The universities' slots
 * overlap: a candidate holding 复旦大学 新闻学 and 华东师范大学 学前教育 finds 传播学概论 and 学前心理学 both on
 * 2026年10月24日 上午, and may take only one (ENR-9). Four outer exam areas (金山区, 崇明区, 奉贤区, 青浦区) and a
 * four-question 问卷调查 (SST-4) complete the plan.
 *
 * <p>Demo data, not the bureau's official plan: the universities are Shanghai's real 主考学校 with their national
 * school codes; the major codes follow the 自考 catalogue's style (B = 本科, A = 专科); the course codes and names are
 * those of the national 自考 course list (03709 马克思主义基本原理概论 is common to several majors), placed in
 * plausible slots; the fee per course is a plausible demo amount.
 */
@Component
@Profile("local")
class DemoShanghaiExam {

    static final String CODE = "SH-ZK-2026-10";
    static final String BUREAU = "sh";
    static final long COURSE_FEN = 4500;
    private static final Logger log = LoggerFactory.getLogger(DemoShanghaiExam.class);

    private final ExamConfigurations configurations;
    private final Clock clock;

    DemoShanghaiExam(ExamConfigurations configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** After the demo bureaus ({@link DemoBureaus}): the exam is Shanghai's. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void load() {
        ExamDraft draft = draft(LocalDate.now(clock.withZone(Exam.ZONE)));
        try {
            Exam exam = configurations.find(CODE).isPresent() ? configurations.update(CODE, draft)
                    : configurations.create(draft);
            log.info("Demo exam {} of bureau {} configured: registration {} – {}", exam.code(), exam.bureau(),
                    exam.registration().opensAt(), exam.registration().closesAt());
        } catch (Refusal refused) {
            // another instance created it at the same moment: its configuration is this one
            log.info("Demo exam {} configured by another instance ({})", CODE, refused.code());
        }
    }

    /** The demo sitting's configuration for a start on {@code today} (Asia/Shanghai). */
    static ExamDraft draft(LocalDate today) {
        ZonedDateTime midnight = today.atStartOfDay(Exam.ZONE);
        ExamDraft.WindowDraft registration = new ExamDraft.WindowDraft(midnight.minusDays(30).toInstant(),
                midnight.plusDays(60).toInstant());
        ExamDraft.PaymentDraft payment = new ExamDraft.PaymentDraft(registration.opensAt(), registration.closesAt(),
                "00:00", "24:00");
        return new ExamDraft(CODE, "2026年10月上海市高等教育自学考试", ExamKind.SELF_STUDY, registration, payment,
                List.of(new ExamDraft.FeeDraft("COURSE", "理论课程报考费（每门）", COURSE_FEN)), SHANGHAI_DISTRICTS,
                PLEDGE, catalogue(), List.of(), BUREAU);
    }

    /** Shanghai's 16 districts (GB/T 2260), the 考区 a candidate may sit in. */
    static final List<ExamLocation> SHANGHAI_DISTRICTS = List.of(
            new ExamLocation("310101", "黄浦区"), new ExamLocation("310104", "徐汇区"), new ExamLocation("310105", "长宁区"),
            new ExamLocation("310106", "静安区"), new ExamLocation("310107", "普陀区"), new ExamLocation("310109", "虹口区"),
            new ExamLocation("310110", "杨浦区"), new ExamLocation("310112", "闵行区"), new ExamLocation("310113", "宝山区"),
            new ExamLocation("310114", "嘉定区"), new ExamLocation("310115", "浦东新区"), new ExamLocation("310116", "金山区"),
            new ExamLocation("310117", "松江区"), new ExamLocation("310118", "青浦区"), new ExamLocation("310120", "奉贤区"),
            new ExamLocation("310151", "崇明区"));

    /** The 考生报考承诺书 shown before paying for courses (seed 004 §3). */
    static final String PLEDGE = """
            我自愿报名参加2026年10月上海市高等教育自学考试，我承诺：

            本人所报考的课程均为本人自愿选择，已核对考试时间，同一考试时间内未选择多门课程；所填写的报考信息真实、准确。

            本人知晓所报考的课程只有在支付成功后才生效，未在报名截止前完成支付的课程报考无效，已支付的报考费用原则上不予退还。

            本人将自觉遵守考试纪律，诚信应考，如有违纪作弊行为，愿意按照《国家教育考试违规处理办法》接受处理。""";

    /** The sitting's two exam days: theory courses are sat 上午 and 下午 on each (four half-day slots). */
    static final LocalDate SATURDAY = LocalDate.of(2026, 10, 24);
    static final LocalDate SUNDAY = LocalDate.of(2026, 10, 25);

    static CoursePlanCatalogue catalogue() {
        return new CoursePlanCatalogue(List.of(
                new University("10246", "复旦大学", "本校实践课程须经人工审核后缴费，实践考核安排以学校网站通知为准。", List.of(
                        new Major("B050301", "新闻学", false, List.of(
                                theory("00642", "传播学概论", 5, SATURDAY, AM),
                                theory("03709", "马克思主义基本原理概论", 4, SATURDAY, PM),
                                theory("00654", "新闻采访写作", 6, SUNDAY, AM),
                                theory("00660", "外国新闻事业史", 3, SUNDAY, PM)), List.of(
                                // a set time that clashes with 新闻采访写作: the candidate must choose (ENR-9)
                                practical("10287", "新闻摄影（实践）", 2, NON_PUBLIC, REVIEW_BEFORE_PAYMENT, SUNDAY, AM),
                                practical("00019", "计算机应用基础（实践）", 2, PUBLIC, AT_UNIVERSITY, null, null))),
                        new Major("B120402", "行政管理学", false, List.of(
                                theory("00312", "政治学概论", 6, SATURDAY, AM),
                                theory("03709", "马克思主义基本原理概论", 4, SATURDAY, PM),
                                theory("00320", "领导科学", 6, SUNDAY, AM),
                                theory("00341", "公文写作与处理", 6, SUNDAY, PM)), List.of(
                                practical("00019", "计算机应用基础（实践）", 2, PUBLIC, AT_UNIVERSITY, null, null))),
                        new Major("B030101", "法学", false, List.of(
                                theory("05677", "法理学", 6, SATURDAY, AM),
                                theory("03709", "马克思主义基本原理概论", 4, SATURDAY, PM),
                                theory("00245", "刑法学", 7, SUNDAY, AM),
                                theory("00242", "民法学", 7, SUNDAY, PM)), List.of(
                                practical("06999", "毕业论文", 6, NON_PUBLIC, REVIEW_BEFORE_PAYMENT, null, null))))),
                new University("10269", "华东师范大学", "学前教育、汉语言文学专业的实践环节由本校统一安排，报考后请留意学校通知。", List.of(
                        // 学前心理学 and 中国近现代史纲要 share their slots with 复旦大学's 传播学概论 and 马克思主义基本原理概论
                        new Major("B040106", "学前教育", false, List.of(
                                theory("00384", "学前心理学", 4, SATURDAY, AM),
                                theory("03708", "中国近现代史纲要", 2, SATURDAY, PM),
                                theory("00398", "学前教育原理", 4, SUNDAY, AM),
                                theory("00402", "学前教育史", 4, SUNDAY, PM)), List.of(
                                practical("10426", "学前儿童游戏指导（实践）", 2, NON_PUBLIC, AT_UNIVERSITY, null, null))),
                        new Major("B050101", "汉语言文学", false, List.of(
                                theory("00529", "文学概论（一）", 7, SATURDAY, AM),
                                theory("03709", "马克思主义基本原理概论", 4, SATURDAY, PM),
                                theory("00535", "现代汉语", 8, SUNDAY, AM),
                                theory("00536", "古代汉语", 6, SUNDAY, PM)), List.of(
                                practical("00019", "计算机应用基础（实践）", 2, PUBLIC, REVIEW_BEFORE_PAYMENT, null, null))),
                        new Major("A040102", "心理健康教育", false, List.of(
                                theory("00031", "心理学", 4, SATURDAY, AM),
                                theory("03706", "思想道德修养与法律基础", 2, SATURDAY, PM),
                                theory("12656", "毛泽东思想和中国特色社会主义理论体系概论", 4, SUNDAY, AM)), List.of()))),
                new University("10268", "上海中医药大学",
                        "中药学、护理学为特殊专业：报考者须上传学历证明和单位证明，经本校人工审核通过后方可缴费。", List.of(
                        new Major("B100801", "中药学", true, List.of(
                                theory("03709", "马克思主义基本原理概论", 4, SATURDAY, PM),
                                theory("03042", "中药鉴定学", 5, SUNDAY, AM),
                                theory("03043", "中药炮制学", 4, SUNDAY, PM)), List.of(
                                practical("03045", "中药鉴定学（实践）", 2, NON_PUBLIC, REVIEW_BEFORE_PAYMENT, null, null))),
                        new Major("B101101", "护理学", true, List.of(
                                theory("03200", "预防医学（二）", 3, SATURDAY, AM),
                                theory("03201", "护理学导论", 4, SATURDAY, PM),
                                theory("03202", "内科护理学（二）", 7, SUNDAY, AM),
                                theory("03203", "外科护理学（二）", 7, SUNDAY, PM)), List.of(
                                practical("03204", "内科护理学（实践）", 2, NON_PUBLIC, REVIEW_BEFORE_PAYMENT, null, null))),
                        new Major("A100803", "中医养生保健", false, List.of(
                                theory("03706", "思想道德修养与法律基础", 2, SATURDAY, PM),
                                theory("12656", "毛泽东思想和中国特色社会主义理论体系概论", 4, SUNDAY, AM)), List.of()))),
                new University("10248", "上海交通大学", "本校计算机类专业实践课程须在指定机房考核，具体时间以学校通知为准。", List.of(
                        new Major("B080901", "计算机科学与技术", false, List.of(
                                theory("02197", "概率论与数理统计（二）", 3, SATURDAY, AM),
                                theory("02331", "数据结构", 4, SATURDAY, PM),
                                theory("02325", "计算机系统结构", 4, SUNDAY, AM),
                                theory("04741", "计算机网络原理", 4, SUNDAY, PM)), List.of(
                                practical("02332", "数据结构（实践）", 2, NON_PUBLIC, AT_UNIVERSITY, null, null))),
                        new Major("B120201", "工商管理", false, List.of(
                                theory("00054", "管理学原理", 6, SATURDAY, AM),
                                theory("00067", "财务管理学", 6, SATURDAY, PM),
                                theory("00149", "国际贸易理论与实务", 6, SUNDAY, AM),
                                theory("00151", "企业经营战略", 5, SUNDAY, PM)), List.of()),
                        new Major("B020301", "金融学", false, List.of(
                                theory("00076", "国际金融", 6, SATURDAY, AM),
                                theory("00077", "金融市场学", 6, SATURDAY, PM),
                                theory("00078", "银行会计学", 5, SUNDAY, AM),
                                theory("00079", "保险学原理", 5, SUNDAY, PM)), List.of())))),
                OUTER_AREAS, QUESTIONNAIRE);
    }

    /** Shanghai's outer districts (远郊考区, GB/T 2260 codes), far from the central exam sites. */
    static final List<OuterArea> OUTER_AREAS = List.of(new OuterArea("310116", "金山区"),
            new OuterArea("310151", "崇明区"), new OuterArea("310120", "奉贤区"), new OuterArea("310118", "青浦区"));

    /** The sitting's short 问卷调查 (SST-4): answered once before choosing courses. */
    static final Questionnaire QUESTIONNAIRE = new Questionnaire("2026-10", "2026年10月上海市高等教育自学考试考生问卷调查",
            List.of(new Questionnaire.Question("purpose", "您报考自学考试的主要目的是", Questionnaire.Kind.SINGLE,
                            List.of("提升学历层次", "职业发展需要", "个人兴趣爱好", "其他"), true),
                    new Questionnaire.Question("channel", "您通过哪些渠道了解自学考试报名信息（可多选）",
                            Questionnaire.Kind.MULTIPLE,
                            List.of("上海市教育考试院网站", "微信公众号", "主考学校", "亲友介绍", "其他"), true),
                    new Questionnaire.Question("studyMode", "您主要的学习方式是", Questionnaire.Kind.SINGLE,
                            List.of("完全自学", "参加助学辅导班", "网络课程"), true),
                    new Questionnaire.Question("advice", "您对自学考试报名工作有什么建议", Questionnaire.Kind.TEXT, null,
                            false)));

    private static TheoryCourse theory(String code, String name, int credits, LocalDate date, HalfDay halfDay) {
        return new TheoryCourse(code, name, credits, COURSE_FEN, date, halfDay);
    }

    private static PracticalCourse practical(String code, String name, int credits, PracticalCategory category,
            PracticalPayment payment, LocalDate date, HalfDay halfDay) {
        return new PracticalCourse(code, name, credits, category, payment, date, halfDay);
    }
}
