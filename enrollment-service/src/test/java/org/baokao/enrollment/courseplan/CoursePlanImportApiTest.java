package org.baokao.enrollment.courseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.courseplan.CoursePlanFiles.HEADER;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.CoursePlans;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * ENR-1, ENR-9 over HTTP against real PostgreSQL and Kafka: operators load the courses of a 自考 sitting's majors from a
 * CSV (UTF-8, GBK) or XLSX file; all or nothing, every error at its line; only at the exam's bureau's address, only
 * operators. Each test has its own Shanghai sitting with {@link CoursePlans#withCourses()}.
 */
@ServiceTest
class CoursePlanImportApiTest {

    static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    HttpProbe http;
    String operator = TestServers.issuer().token("op-course-plan-file", "operator", "bureau-admin");
    String code = "SH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeEach
    void aSittingOfItsOwn() {
        http = HttpProbe.onLocalPort(port);
        Answer created = ExamDrafts.post(http, operator, ExamDrafts.json(CoursePlans.selfStudy(code)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("ENR-1: a UTF-8 CSV replaces the courses of the majors it names; the other majors keep theirs")
    void aCsvReplacesTheNamedMajorsCourses() {
        JsonNode before = catalogue();
        Answer loaded = upload("sh", operator, "课程计划.csv", CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B020101", "理论", "00009", "政治经济学（财经类）", "6", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00065", "国民经济统计概论", "5", "45.00", "2026/10/25", "下午", ""),
                row("10246", "B020101", "非公共实践", "10421", "社会调查（实践）", "2", "", "2026-10-25", "上午", "审核后缴费"),
                row("10268", "B100701", "公共实践", "00019", "计算机应用基础（实践）", "", "", "", "", "院校收费")),
                StandardCharsets.UTF_8));

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("examCode").asString()).isEqualTo(code);
        assertThat(loaded.json().path("courses").asInt()).isEqualTo(4);
        assertThat(loaded.json().path("majors").toString()).isEqualTo("[{\"universityCode\":\"10246\",\"universityName\":"
                + "\"复旦大学\",\"majorCode\":\"B020101\",\"majorName\":\"经济学\",\"theoryCourses\":2,\"practicalCourses\":1},"
                + "{\"universityCode\":\"10268\",\"universityName\":\"上海中医药大学\",\"majorCode\":\"B100701\","
                + "\"majorName\":\"药学\",\"theoryCourses\":0,\"practicalCourses\":1}]");

        JsonNode after = catalogue();
        JsonNode economics = after.at("/universities/0/majors/0");
        assertThat(economics.path("theoryCourses").toString()).isEqualTo("[{\"code\":\"00009\",\"name\":\"政治经济学（财经类）\","
                + "\"credits\":6,\"feeFen\":4500,\"date\":\"2026-10-24\",\"halfDay\":\"AM\"},{\"code\":\"00065\",\"name\":"
                + "\"国民经济统计概论\",\"credits\":5,\"feeFen\":4500,\"date\":\"2026-10-25\",\"halfDay\":\"PM\"}]");
        assertThat(economics.path("practicalCourses").toString()).isEqualTo("[{\"code\":\"10421\",\"name\":\"社会调查（实践）\","
                + "\"credits\":2,\"category\":\"NON_PUBLIC\",\"payment\":\"REVIEW_BEFORE_PAYMENT\",\"date\":\"2026-10-25\","
                + "\"halfDay\":\"AM\"}]");
        assertThat(after.at("/universities/1/majors/1/theoryCourses")).as("药学 named: its theory courses are the file's (none)")
                .isEmpty();
        assertThat(after.at("/universities/0/majors/1")).as("法学, not named").isEqualTo(before.at("/universities/0/majors/1"));
        assertThat(after.at("/universities/1/majors/0")).isEqualTo(before.at("/universities/1/majors/0"));
        assertThat(after.path("questionnaire")).isEqualTo(before.path("questionnaire"));
        // the stored plan is published like any configuration (ExamConfigured: universities and majors)
        assertThat(EVENTS.matching(ExamConfigured.class, e -> e.examCode().equals(code), 2)).hasSize(2);
    }

    @Test
    @DisplayName("ENR-1: a GBK CSV from Excel and an XLSX with number and date cells load the same courses")
    void gbkAndXlsx() {
        List<List<Object>> rows = List.of(List.of("2026年10月课程计划"), HEADER,
                row("10246", "B030101", "理论", "05677", "法理学", "6", "45", "2026年10月24日", "上午", ""));
        Answer gbk = upload("sh", operator, "plan.csv", CoursePlanFiles.csv(rows, Charset.forName("GBK")));
        assertThat(gbk.status()).as(gbk.body()).isEqualTo(200);
        assertThat(catalogue().at("/universities/0/majors/1/theoryCourses/0/name").asString()).isEqualTo("法理学");

        List<Object> numbers = new ArrayList<>(List.of("10246", "B030101", "理论", "00245", "刑法学"));
        numbers.addAll(List.of(7, 45.5, LocalDate.of(2026, 10, 25), "下午"));
        Answer xlsx = upload("sh", operator, "plan.xlsx", CoursePlanFiles.xlsx(List.of(HEADER, numbers)));

        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
        assertThat(catalogue().at("/universities/0/majors/1/theoryCourses").toString()).isEqualTo("[{\"code\":\"00245\","
                + "\"name\":\"刑法学\",\"credits\":7,\"feeFen\":4550,\"date\":\"2026-10-25\",\"halfDay\":\"PM\"}]");
    }

    @Test
    @DisplayName("ENR-1: all or nothing — every row error at its line and column, nothing stored")
    void rowErrorsStoreNothing() {
        JsonNode before = catalogue();

        Answer refused = upload("sh", operator, "plan.csv", CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B020101", "理论", "00009", "政治经济学（财经类）", "6", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00065", "国民经济统计概论", "5", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00066", "", "30", "45", "2026-10-25", "上午", ""),
                row("10246", "B020101", "理论", "00067", "货币银行学", "5", "四十五", "2026-10-25", "晚上", "")),
                StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("COURSE_PLAN_ROWS_INVALID");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("课程计划文件有2处错误，未导入任何课程：第5行（报考费（元））报考费（元）应为金额，最多两位小数，如45或45.00");
        assertThat(errors(refused)).containsExactly(
                "5 报考费（元） FEE_INVALID", "5 时段 HALF_DAY_INVALID");
        assertThat(catalogue()).isEqualTo(before);

        // the readable rows, into the plan: the plan's rules at the lines that break them
        Answer broken = upload("sh", operator, "plan.csv", CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B020101", "理论", "00009", "政治经济学（财经类）", "6", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00065", "国民经济统计概论", "5", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00066", "", "30", "45", "2026-10-25", "上午", ""),
                row("10269", "B040106", "理论", "00384", "学前心理学", "4", "45", "2026-10-24", "上午", "")),
                StandardCharsets.UTF_8));
        assertThat(errors(broken)).as("unknown universities first: the rows must be placed in the plan")
                .containsExactly("5 主考学校代码 UNIVERSITY_UNKNOWN");
        Answer rules = upload("sh", operator, "plan.csv", CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B020101", "理论", "00009", "政治经济学（财经类）", "6", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00065", "国民经济统计概论", "5", "45", "2026-10-24", "上午", ""),
                row("10246", "B020101", "理论", "00066", "", "30", "45", "2026-10-25", "上午", "")),
                StandardCharsets.UTF_8));
        assertThat(errors(rules)).containsExactly("3 考试日期 THEORY_SLOT_DUPLICATE", "4 课程名称 COURSE_NAME_REQUIRED",
                "4 学分 COURSE_CREDITS_INVALID");
        assertThat(rules.json().at("/errors/0/reason").asString()).isEqualTo(
                "专业经济学的《政治经济学（财经类）》与《国民经济统计概论》都安排在2026年10月24日 上午，同一专业的同一考试时间只能安排一门理论课");
        assertThat(catalogue()).isEqualTo(before);
    }

    @Test
    @DisplayName("ENR-1: files refused as a whole — no file, header only, a missing column, an old .xls")
    void filesRefusedAsAWhole() {
        assertThat(upload("sh", operator, "plan.csv", new byte[0]).problemCode()).isEqualTo("COURSE_PLAN_FILE_EMPTY");
        assertThat(upload("sh", operator, "plan.csv", CoursePlanFiles.csv(List.of(HEADER), StandardCharsets.UTF_8))
                .problemCode()).isEqualTo("COURSE_PLAN_NO_ROWS");
        Answer missing = upload("sh", operator, "plan.csv", CoursePlanFiles.csv(List.of(HEADER.subList(0, 7),
                List.<Object>of("10246", "B020101", "理论", "00009", "政治经济学", "6", "45")), StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("COURSE_PLAN_HEADER_MISSING");
        assertThat(missing.json().path("columns").toString()).isEqualTo("[\"考试日期\",\"时段\"]");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        assertThat(upload("sh", operator, "plan.xls", ole2).problemCode()).isEqualTo("COURSE_PLAN_XLS_UNSUPPORTED");
    }

    @Test
    @DisplayName("BUR-1, ENR-1: only at the exam's bureau's address, only operators; exams without a course plan 409")
    void bureauScopeRoleAndKind() {
        byte[] file = CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B030101", "理论", "05677", "法理学", "6", "45", "2026-10-24", "上午", "")),
                StandardCharsets.UTF_8);

        Answer elsewhere = upload("sd", operator, "plan.csv", file);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        String candidate = TestServers.issuer().candidateTokenOf("sh", UUID.randomUUID().toString());
        assertThat(upload("sh", candidate, "plan.csv", file).status()).isEqualTo(403);
        assertThat(http.send(http.request("/api/enrollments/operations/exams/" + code + "/course-plan")
                .header(BureauAddress.HEADER, "sh").PUT(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(401);

        String upgrade = code + "-ZSB";
        assertThat(ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.valid(upgrade))).status()).isEqualTo(201);
        Answer notSelfStudy = uploadTo(upgrade, "sd", operator, file);
        assertThat(notSelfStudy.status()).isEqualTo(409);
        assertThat(notSelfStudy.problemCode()).isEqualTo("COURSE_PLAN_NOT_APPLICABLE");
        String bare = code + "-0";
        assertThat(ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.with(ExamDrafts.selfStudy(bare), b -> {
            b.catalogue = null;
            return b;
        }))).status()).isEqualTo(201);
        assertThat(uploadTo(bare, "sh", operator, file).problemCode()).isEqualTo("CATALOGUE_NOT_CONFIGURED");
    }

    @Test
    @DisplayName("OPS-3: a Shanghai administrator's import is audited as course-plan.import; auditors 403, Shandong's administrator 404")
    void operatorsDeskRolesScopeAndAudit() {
        byte[] file = CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B030101", "理论", "05677", "法理学", "6", "45", "2026-10-24", "上午", "")),
                StandardCharsets.UTF_8);
        String shAdmin = TestServers.issuer().operatorToken("admin-sh", "sh", java.util.Map.of(), "bureau-admin");
        String shAuditor = TestServers.issuer().operatorToken("auditor-sh", "sh", java.util.Map.of(), "auditor");
        String shReviewer = TestServers.issuer().operatorToken("reviewer-fudan", "sh",
                java.util.Map.of("university", "10246"), "university-reviewer");
        String sdAdmin = TestServers.issuer().operatorToken("operator", "sd", java.util.Map.of(), "bureau-admin");
        JsonNode before = catalogue();

        Answer auditor = upload("sh", shAuditor, "plan.csv", file);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(upload("sh", shReviewer, "plan.csv", file).status()).isEqualTo(403);
        assertThat(upload("sd", sdAdmin, "plan.csv", file).status()).as("Shanghai's sitting at Shandong's desk")
                .isEqualTo(404);
        assertThat(upload("sh", sdAdmin, "plan.csv", file).status()).as("a Shandong token at Shanghai's address")
                .isEqualTo(404);
        assertThat(catalogue()).isEqualTo(before);
        assertThat(audited()).isEmpty();

        Answer refused = upload("sh", shAdmin, "plan.csv", CoursePlanFiles.csv(List.of(HEADER,
                row("10246", "B030101", "理论", "05677", "法理学", "6", "四十五", "2026-10-24", "上午", "")),
                StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(audited()).as("nothing stored, nothing audited").isEmpty();

        Answer loaded = upload("sh", shAdmin, "课程计划.csv", file);
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        List<org.baokao.events.operator.OperatorActed> audited = audited();
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst().action()).isEqualTo("course-plan.import");
        assertThat(audited.getFirst().bureau()).isEqualTo("sh");
        assertThat(audited.getFirst().operatorUsername()).isNotBlank();
        assertThat(audited.getFirst().details()).containsEntry("file", "课程计划.csv").containsEntry("courses", "1")
                .containsEntry("majors", "1");
    }

    private List<org.baokao.events.operator.OperatorActed> audited() {
        return org.baokao.enrollment.exam.OperatorAuditRows.about(jdbc, code).stream()
                .filter(acted -> acted.action().equals("course-plan.import")).toList();
    }

    private JsonNode catalogue() {
        return ExamDrafts.get(http, operator, "sh", code).json().path("catalogue");
    }

    private static List<Object> row(Object... cells) {
        return List.of(cells);
    }

    private static List<String> errors(Answer refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("COURSE_PLAN_ROWS_INVALID");
        return refused.json().path("errors").valueStream()
                .map(e -> e.path("line").asInt() + " " + e.path("field").asString() + " " + e.path("code").asString())
                .toList();
    }

    private Answer upload(String bureau, String token, String fileName, byte[] content) {
        return uploadTo(code, bureau, token, fileName, content);
    }

    private Answer uploadTo(String examCode, String bureau, String token, byte[] content) {
        return uploadTo(examCode, bureau, token, "plan.csv", content);
    }

    private Answer uploadTo(String examCode, String bureau, String token, String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http.send(http.request("/api/enrollments/operations/exams/" + examCode + "/course-plan")
                .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
