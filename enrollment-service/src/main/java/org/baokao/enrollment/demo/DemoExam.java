package org.baokao.enrollment.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamKind;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.FeeItem;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.baokao.enrollment.exam.MajorScopeCatalogue.JuniorMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.ScopeMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.Subject;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * ./baokao up: the demo exam of the Shandong manual, {@code SD-ZSB-2023} of bureau {@code sd}, configured through the operators' own
 * API path at every start (creating it, or replacing its configuration; the pledge keeps its version while its
 * text is unchanged). Registration and payment are open from 30 days before to 60 days after the start day, all
 * day, so the demo works whenever it is started.
 *
 * <p>Demo data, not the bureau's tariff or its official table: the fees are plausible (报名 30 元, 50 元 per
 * subject); the catalogue holds real junior-college major codes — the 2015 catalogue codes the manual shows
 * (62xxxx 医药卫生) beside 2021 ones (51xxxx, 53xxxx, 46xxxx, 57xxxx), as rosters of 2023 carry both — including
 * every major of the demo roster (account-service {@code demo/roster-SD-ZSB-2023.csv}), and the manual's own
 * example: 620403 医学影像技术 → 英语、计算机、大学语文、高等数学II → 医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫.
 */
@Component
@Profile("local")
class DemoExam {

    static final String CODE = "SD-ZSB-2023";
    static final String BUREAU = "sd";
    static final long REGISTRATION_FEN = 3000;
    static final long SUBJECT_FEN = 5000;
    private static final Logger log = LoggerFactory.getLogger(DemoExam.class);

    private final ExamConfigurations configurations;
    private final Clock clock;

    DemoExam(ExamConfigurations configurations, Clock clock) {
        this.configurations = configurations;
        this.clock = clock;
    }

    /** After the demo bureaus ({@link DemoBureaus}): the exam is Shandong's. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void load() {
        ExamDraft draft = draft(LocalDate.now(clock.withZone(Exam.ZONE)));
        try {
            Exam exam = configurations.find(CODE).isPresent() ? configurations.update(CODE, draft)
                    : configurations.create(draft);
            log.info("Demo exam {} configured: registration {} – {}, pledge version {}", exam.code(),
                    exam.registration().opensAt(), exam.registration().closesAt(), exam.pledge().version());
        } catch (Refusal raced) {
            // another instance created it at the same moment: its configuration is this one
            log.info("Demo exam {} configured by another instance ({})", CODE, raced.code());
        }
    }

    /** The demo exam's configuration for a start on {@code today} (Asia/Shanghai). */
    static ExamDraft draft(LocalDate today) {
        ZonedDateTime midnight = today.atStartOfDay(Exam.ZONE);
        ExamDraft.WindowDraft registration = new ExamDraft.WindowDraft(midnight.minusDays(30).toInstant(),
                midnight.plusDays(60).toInstant());
        ExamDraft.PaymentDraft payment = new ExamDraft.PaymentDraft(registration.opensAt(), registration.closesAt(),
                "00:00", "24:00");
        MajorScopeCatalogue catalogue = catalogue();
        List<ExamDraft.FeeDraft> fees = new ArrayList<>();
        fees.add(new ExamDraft.FeeDraft(FeeItem.REGISTRATION, "报名", REGISTRATION_FEN));
        catalogue.subjects().forEach(subject -> fees.add(new ExamDraft.FeeDraft(subject.code(), subject.name(),
                SUBJECT_FEN)));
        return new ExamDraft(CODE, "2023年普通高等教育专升本考试", ExamKind.UNIFIED_UPGRADE, registration, payment, fees,
                SHANDONG_CITIES, PLEDGE, catalogue, List.of(), BUREAU);
    }

    /** Shandong's 16 prefecture-level cities, GB/T 2260 (3712 莱芜 merged into 济南 in 2019). */
    static final List<ExamLocation> SHANDONG_CITIES = List.of(
            new ExamLocation("3701", "济南市"), new ExamLocation("3702", "青岛市"), new ExamLocation("3703", "淄博市"),
            new ExamLocation("3704", "枣庄市"), new ExamLocation("3705", "东营市"), new ExamLocation("3706", "烟台市"),
            new ExamLocation("3707", "潍坊市"), new ExamLocation("3708", "济宁市"), new ExamLocation("3709", "泰安市"),
            new ExamLocation("3710", "威海市"), new ExamLocation("3711", "日照市"), new ExamLocation("3713", "临沂市"),
            new ExamLocation("3714", "德州市"), new ExamLocation("3715", "聊城市"), new ExamLocation("3716", "滨州市"),
            new ExamLocation("3717", "菏泽市"));

    /** The pledge of the Shandong manual (2.1 报考承诺). */
    static final String PLEDGE = """
            我报考参加2023年普通高等教育专升本考试，我承诺：

            我符合2023年普通高等教育专升本的报名条件，本人在报名时提供的信息是真实的、准确的，如有虚假信息和违规行为，本人承担由此而产生的一切后果。

            我愿意并保证在2023年普通高等教育专升本考试中自觉遵守、严格执行考生守则，遵守考场纪律，服从考试工作人员管理，诚信应考，不携带手机等通讯工具、电子存储设备等物品进入考场。

            我已认真阅读、知晓《国家教育考试违规处理办法》（教育部33号令）《中华人民共和国刑法修正案（九）》等有关法律法规，并知晓本校对于普通专升本违纪作弊考生的处分规定，如有违纪作弊愿按照规定接受处理。""";

    private static MajorScopeCatalogue catalogue() {
        List<Subject> subjects = List.of(new Subject("ENGLISH", "英语"), new Subject("COMPUTER", "计算机"),
                new Subject("CHINESE", "大学语文"), new Subject("MATH_I", "高等数学I"), new Subject("MATH_II", "高等数学II"),
                new Subject("MATH_III", "高等数学III"), new Subject("EDUCATION", "教育理论"));
        List<String> science = List.of("ENGLISH", "COMPUTER", "CHINESE", "MATH_I");
        List<String> medicine = List.of("ENGLISH", "COMPUTER", "CHINESE", "MATH_II");
        List<String> economics = List.of("ENGLISH", "COMPUTER", "CHINESE", "MATH_III");
        List<String> education = List.of("ENGLISH", "COMPUTER", "CHINESE", "EDUCATION");

        SubjectGroup medicalTechnology = new SubjectGroup("MED-TECH", medicine, scope(
                "101001", "医学检验技术", "101003", "医学影像技术", "101006", "口腔医学技术", "101007", "卫生检验与检疫"));
        SubjectGroup nursing = new SubjectGroup("MED-NURSING", medicine, scope("101101", "护理学", "101102T", "助产学"));
        SubjectGroup pharmacy = new SubjectGroup("MED-PHARMACY", medicine,
                scope("100701", "药学", "100702", "药物制剂", "100703TK", "临床药学"));
        SubjectGroup computing = new SubjectGroup("SCI-COMPUTING", science, withVocational(scope(
                "080901", "计算机科学与技术", "080902", "软件工程", "080903", "网络工程", "080905", "物联网工程",
                "080910T", "数据科学与大数据技术"), "软件工程技术"));
        SubjectGroup informationManagement = new SubjectGroup("ECON-INFORMATION", economics,
                scope("120102", "信息管理与信息系统", "120801", "电子商务"));
        SubjectGroup machinery = new SubjectGroup("SCI-MACHINERY", science, scope(
                "080202", "机械设计制造及其自动化", "080204", "机械电子工程", "080601", "电气工程及其自动化", "080801", "自动化"));
        SubjectGroup accounting = new SubjectGroup("ECON-ACCOUNTING", economics, withVocational(scope(
                "120203K", "会计学", "120204", "财务管理", "120207", "审计学"), "大数据与会计"));
        SubjectGroup commerce = new SubjectGroup("ECON-COMMERCE", economics, scope(
                "120801", "电子商务", "120202", "市场营销", "120601", "物流管理", "020401", "国际经济与贸易"));
        SubjectGroup preschool = new SubjectGroup("EDU-TEACHING", education,
                scope("040106", "学前教育", "040107", "小学教育"));

        List<JuniorMajor> majors = List.of(
                new JuniorMajor("620401", "医学检验技术", List.of(medicalTechnology)),
                new JuniorMajor("620403", "医学影像技术", List.of(medicalTechnology)),
                new JuniorMajor("620405", "口腔医学技术", List.of(medicalTechnology)),
                new JuniorMajor("620201", "护理", List.of(nursing)),
                new JuniorMajor("620301", "药学", List.of(pharmacy)),
                new JuniorMajor("510201", "计算机应用技术", List.of(computing, informationManagement)),
                new JuniorMajor("510202", "计算机网络技术", List.of(computing)),
                new JuniorMajor("510203", "软件技术", List.of(computing)),
                new JuniorMajor("510205", "大数据技术", List.of(computing)),
                new JuniorMajor("460104", "机械制造及自动化", List.of(machinery)),
                new JuniorMajor("460301", "机电一体化技术", List.of(machinery)),
                new JuniorMajor("530301", "大数据与财务管理", List.of(accounting)),
                new JuniorMajor("530302", "大数据与会计", List.of(accounting)),
                new JuniorMajor("530701", "电子商务", List.of(commerce)),
                new JuniorMajor("570102K", "学前教育", List.of(preschool)));
        return new MajorScopeCatalogue(subjects, majors);
    }

    private static List<ScopeMajor> scope(String... codeNamePairs) {
        List<ScopeMajor> scope = new ArrayList<>();
        for (int i = 0; i < codeNamePairs.length; i += 2) {
            scope.add(new ScopeMajor(codeNamePairs[i], codeNamePairs[i + 1], false));
        }
        return scope;
    }

    /** Adds a major of the vocational undergraduate universities (shown with * in the form), code unknown here. */
    private static List<ScopeMajor> withVocational(List<ScopeMajor> scope, String name) {
        List<ScopeMajor> more = new ArrayList<>(scope);
        more.add(new ScopeMajor(null, name, true));
        return more;
    }
}
