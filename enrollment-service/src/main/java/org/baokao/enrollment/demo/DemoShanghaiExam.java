package org.baokao.enrollment.demo;

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
 * candidates pay. Courses by half-day slot (ENR-9) come with course selection.
 *
 * <p>Demo data, not the bureau's official plan: the universities are Shanghai's real 主考学校 with their national
 * school codes; the major codes follow the 自考 catalogue's style (B = 本科, A = 专科) and the fee per course is a
 * plausible demo amount.
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

    static CoursePlanCatalogue catalogue() {
        return new CoursePlanCatalogue(List.of(
                new University("10246", "复旦大学", "本校实践课程须经人工审核后缴费，实践考核安排以学校网站通知为准。",
                        List.of(new Major("B050301", "新闻学", false), new Major("B120402", "行政管理学", false),
                                new Major("B030101", "法学", false))),
                new University("10269", "华东师范大学", "学前教育、汉语言文学专业的实践环节由本校统一安排，报考后请留意学校通知。",
                        List.of(new Major("B040106", "学前教育", false), new Major("B050101", "汉语言文学", false),
                                new Major("A040102", "心理健康教育", false))),
                new University("10268", "上海中医药大学",
                        "中药学、护理学为特殊专业：报考者须上传学历证明和单位证明，经本校人工审核通过后方可缴费。",
                        List.of(new Major("B100801", "中药学", true), new Major("B101101", "护理学", true),
                                new Major("A100803", "中医养生保健", false))),
                new University("10248", "上海交通大学", "本校计算机类专业实践课程须在指定机房考核，具体时间以学校通知为准。",
                        List.of(new Major("B080901", "计算机科学与技术", false), new Major("B120201", "工商管理", false),
                                new Major("B020301", "金融学", false)))));
    }
}
