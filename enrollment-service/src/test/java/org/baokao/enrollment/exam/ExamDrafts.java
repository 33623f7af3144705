package org.baokao.enrollment.exam;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.CoursePlanCatalogue.Major;
import org.baokao.enrollment.exam.CoursePlanCatalogue.University;
import org.baokao.enrollment.exam.MajorScopeCatalogue.JuniorMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.ScopeMajor;
import org.baokao.enrollment.exam.MajorScopeCatalogue.Subject;
import org.baokao.enrollment.exam.MajorScopeCatalogue.SubjectGroup;
import org.baokao.testkit.HttpProbe;
import org.baokao.web.bureau.BureauAddress;

import tools.jackson.databind.json.JsonMapper;

/**
 * Exam configurations for tests: a small sound 专升本 draft (bureau sd) and a sound 自考 one (bureau sh) to vary, and
 * calls of the operator API.
 */
public final class ExamDrafts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExamDrafts() {
    }

    public static MajorScopeCatalogue catalogue() {
        return new MajorScopeCatalogue(
                List.of(new Subject("ENGLISH", "英语"), new Subject("COMPUTER", "计算机"), new Subject("CHINESE", "大学语文"),
                        new Subject("MATH_II", "高等数学II"), new Subject("MATH_I", "高等数学I")),
                List.of(new JuniorMajor("620403", "医学影像技术", List.of(new SubjectGroup("MED",
                                List.of("ENGLISH", "COMPUTER", "CHINESE", "MATH_II"),
                                List.of(new ScopeMajor("101001", "医学检验技术", false),
                                        new ScopeMajor("101003", "医学影像技术", false),
                                        new ScopeMajor("101006", "口腔医学技术", false),
                                        new ScopeMajor("101007", "卫生检验与检疫", false))))),
                        new JuniorMajor("510201", "计算机应用技术", List.of(new SubjectGroup("SCI",
                                List.of("ENGLISH", "COMPUTER", "CHINESE", "MATH_I"),
                                List.of(new ScopeMajor("080901", "计算机科学与技术", false),
                                        new ScopeMajor(null, "软件工程技术", true)))))));
    }

    public static ExamDraft valid(String code) {
        return new ExamDraft(code, "2023年普通高等教育专升本考试", ExamKind.UNIFIED_UPGRADE,
                new ExamDraft.WindowDraft(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")),
                new ExamDraft.PaymentDraft(Instant.parse("2020-01-02T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z"),
                        "08:00", "22:00"),
                List.of(new ExamDraft.FeeDraft("REGISTRATION", "报名", 3000L),
                        new ExamDraft.FeeDraft("ENGLISH", "英语", 5000L), new ExamDraft.FeeDraft("COMPUTER", "计算机", 5000L),
                        new ExamDraft.FeeDraft("CHINESE", "大学语文", 5000L),
                        new ExamDraft.FeeDraft("MATH_I", "高等数学I", 5000L),
                        new ExamDraft.FeeDraft("MATH_II", "高等数学II", 5000L)),
                List.of(new ExamLocation("3701", "济南市"), new ExamLocation("3702", "青岛市"),
                        new ExamLocation("3717", "菏泽市")),
                "我报考参加2023年普通高等教育专升本考试，我承诺：……", catalogue(), List.of(), "sd");
    }

    /** Two examining universities; 中药学 at the second is a 特殊专业 (ENR-10). */
    public static CoursePlanCatalogue coursePlan() {
        return new CoursePlanCatalogue(List.of(
                new University("10246", "复旦大学", null, List.of(new Major("B020101", "经济学", false),
                        new Major("B030101", "法学", false))),
                new University("10268", "上海中医药大学", "中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。",
                        List.of(new Major("C100801", "中药学", true), new Major("B100701", "药学", false)))));
    }

    /** A sound Shanghai 自考 exam (bureau sh) with {@link #coursePlan()}. */
    public static ExamDraft selfStudy(String code) {
        return with(valid(code), b -> {
            b.name = "2026年10月上海市高等教育自学考试";
            b.kind = ExamKind.SELF_STUDY;
            b.catalogue = coursePlan();
            b.fees = List.of(new ExamDraft.FeeDraft("COURSE", "每门课程", 3000L));
            b.locations = List.of(new ExamLocation("310104", "徐汇区"), new ExamLocation("310115", "浦东新区"));
            b.pledgeText = "本人承诺所填报考信息真实准确。";
            b.bureau = "sh";
            return b;
        });
    }

    public static String json(Object draft) {
        return JSON.writeValueAsString(draft);
    }

    /**
     * Creates an exam at the address of the bureau the draft names (OPS-3: operators configure their own bureau's
     * exams; the default bureau's address when it names none); the bureaus test exams belong to are configured first
     * ({@link BureauDrafts#ensure}).
     */
    public static HttpProbe.Answer post(HttpProbe http, String token, String json) {
        BureauDrafts.ensure(http);
        return http.send(addressed(http.request("/api/enrollments/operations/exams"), json)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Replaces an exam, at the address of the bureau the draft names (the default bureau's when it names none). */
    public static HttpProbe.Answer put(HttpProbe http, String token, String code, String json) {
        BureauDrafts.ensure(http);
        return http.send(addressed(http.request("/api/enrollments/operations/exams/" + code), json)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Replaces an exam at bureau {@code bureau}'s address, whatever the draft names. */
    public static HttpProbe.Answer putAt(HttpProbe http, String token, String bureau, String code, String json) {
        BureauDrafts.ensure(http);
        return http.send(http.request("/api/enrollments/operations/exams/" + code)
                .header(BureauAddress.HEADER, bureau).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An operator's read of one exam at bureau {@code bureau}'s address. */
    public static HttpProbe.Answer get(HttpProbe http, String token, String bureau, String code) {
        return http.send(http.request("/api/enrollments/operations/exams/" + code)
                .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau).GET());
    }

    /** A bureau administrator's token for every bureau (as the local automation account's, OPS-3). */
    public static String administrator(String subject) {
        return org.baokao.testkit.TestServers.issuer().token(subject, "operator", "bureau-admin");
    }

    private static HttpRequest.Builder addressed(HttpRequest.Builder request, String json) {
        tools.jackson.databind.JsonNode bureau = JSON.readTree(json).path("bureau");
        return bureau.isString() && !bureau.asString().isBlank()
                ? request.header(BureauAddress.HEADER, bureau.asString()) : request;
    }

    /** The draft with other fields: a copy-with for the one record tests vary most. */
    public static ExamDraft with(ExamDraft d, java.util.function.UnaryOperator<Builder> change) {
        Builder b = change.apply(new Builder(d));
        return new ExamDraft(b.code, b.name, b.kind, b.registration, b.payment, b.fees, b.locations, b.pledgeText,
                b.catalogue, b.noExamCategories, b.bureau);
    }

    public static final class Builder {
        public String code;
        public String name;
        public ExamKind kind;
        public ExamDraft.WindowDraft registration;
        public ExamDraft.PaymentDraft payment;
        public List<ExamDraft.FeeDraft> fees;
        public List<ExamLocation> locations;
        public String pledgeText;
        public org.baokao.enrollment.exam.Catalogue catalogue;
        public List<String> noExamCategories;
        public String bureau;

        Builder(ExamDraft d) {
            code = d.code();
            name = d.name();
            kind = d.kind();
            registration = d.registration();
            payment = d.payment();
            fees = d.fees();
            locations = d.locations();
            pledgeText = d.pledgeText();
            catalogue = d.catalogue();
            noExamCategories = d.noExamCategories();
            bureau = d.bureau();
        }

        public Builder set(java.util.function.Consumer<Builder> setter) {
            setter.accept(this);
            return this;
        }
    }
}
