package org.baokao.enrollment.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3 报名信息, 今日概况 and 数据导出 at enrollment-service, through HTTP with the realm's kinds of operator token:
 * each role refused outside its desk (403), a scoped operator outside their scope and another bureau's operator
 * answered 404, the list masked, the export's file holding exactly the list asked for, and export.create audited
 * with the reason typed.
 */
@ServiceTest
class OperatorListsApiTest {

    private static final TestIssuer ISSUER = TestServers.issuer();
    private static final String ADMIN = ISSUER.operatorToken("admin-sd", "sd", Map.of(), "bureau-admin");
    private static final String CITY_JINAN = ISSUER.operatorToken("city-jinan", "sd", Map.of("city", "3701"),
            "city-operator");
    private static final String FINANCE = ISSUER.operatorToken("finance-sd", "sd", Map.of(), "finance");
    private static final String AUDITOR = ISSUER.operatorToken("auditor-sd", "sd", Map.of(), "auditor");
    private static final String NO_DESK = ISSUER.operatorToken("nobody-sd", "sd", Map.of());
    private static final String ADMIN_SH = ISSUER.operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");
    private static final String FUDAN = ISSUER.operatorToken("reviewer-fudan", "sh", Map.of("university", "10246"),
            "university-reviewer");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExamConfigurations exams;
    @Autowired
    PersonalDataProtector sealer;

    HttpProbe http;
    String exam;
    String selfStudy;

    @BeforeEach
    void twoExams() {
        http = HttpProbe.onLocalPort(port);
        BureauDrafts.ensure(http);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exam = "SD-LIST-" + suffix;
        selfStudy = "SH-LIST-" + suffix;
        UUID examId = exams.create(ExamDrafts.valid(exam)).id();
        exams.create(ExamDrafts.selfStudy(selfStudy));
        ListFixtures rows = new ListFixtures(jdbc, sealer);
        rows.enrollment(examId, exam, "3701", "COMPLETED", "李明");
        rows.enrollment(examId, exam, "3701", "EXAM_CHOICE_SAVED", "王芳");
        rows.enrollment(examId, exam, "3702", "CONFIRMED", "赵强");
        rows.enrollment(examId, exam, "3702", "COMPLETED", "孙丽");
        rows.courseOrder(selfStudy, "sh", "PAID", "10246");
        rows.courseOrder(selfStudy, "sh", "PLACED", "10246", "10268");
        rows.courseOrder(selfStudy, "sh", "PAID", "10268");
    }

    @Test
    void theBureauSeesEveryEnrollmentMaskedAndFiltersByCityLocationAndStatus_OPS3() {
        JsonNode all = ok(get("/api/enrollments/operations/enrollments?exam=" + exam, ADMIN, "sd"));
        assertThat(all.path("total").asLong()).isEqualTo(4);
        assertThat(all.toString()).contains("李*", "37**************12", "131****8780", "济南市")
                .doesNotContain("李明", "王芳");

        JsonNode jinan = ok(get("/api/enrollments/operations/enrollments?exam=" + exam + "&city=3701", ADMIN, "sd"));
        assertThat(jinan.path("total").asLong()).isEqualTo(2);
        assertThat(codes(jinan)).containsOnly("3701");
        assertThat(ok(get("/api/enrollments/operations/enrollments?exam=" + exam + "&location=3702&status=COMPLETED",
                ADMIN, "sd")).path("total").asLong()).isEqualTo(1);

        JsonNode paged = ok(get("/api/enrollments/operations/enrollments?exam=" + exam + "&page=1&size=3", FINANCE,
                "sd"));
        assertThat(paged.path("items").size()).isEqualTo(1);
        assertThat(paged.path("total").asLong()).isEqualTo(4);
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam + "&size=101", ADMIN, "sd")
                .problemCode()).isEqualTo("PAGE_INVALID");
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam + "&status=NONSENSE", ADMIN, "sd")
                .problemCode()).isEqualTo("STATUS_INVALID");
    }

    @Test
    void aCityOperatorSeesOnlyTheirCityAndAnotherCityIsAbsent_OPS3() {
        JsonNode mine = ok(get("/api/enrollments/operations/enrollments?exam=" + exam, CITY_JINAN, "sd"));
        assertThat(mine.path("total").asLong()).isEqualTo(2);
        assertThat(codes(mine)).containsOnly("3701");
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam + "&city=3702", CITY_JINAN, "sd")
                .status()).isEqualTo(404);
        // the filters offer the city's 考点 only
        JsonNode choices = StreamSupport.stream(ok(get("/api/enrollments/operations/enrollments/exams", CITY_JINAN,
                "sd")).spliterator(), false).filter(e -> e.path("code").asString().equals(exam)).findFirst()
                .orElseThrow();
        assertThat(choices.path("locations").toString()).contains("3701").doesNotContain("3702");
        assertThat(choices.path("statuses").toString()).contains("COMPLETED", "已完成网上报名");
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam + "&location=3702", CITY_JINAN, "sd")
                .status()).isEqualTo(404);
    }

    @Test
    void aUniversityReviewerSeesTheOrdersWithTheirUniversitysCoursesOnly_OPS3() {
        JsonNode fudan = ok(get("/api/enrollments/operations/enrollments?exam=" + selfStudy, FUDAN, "sh"));
        assertThat(fudan.path("total").asLong()).isEqualTo(2);
        for (JsonNode row : fudan.path("items")) {
            assertThat(row.path("courses").toString()).contains("10246").doesNotContain("10268");
        }
        assertThat(ok(get("/api/enrollments/operations/enrollments?exam=" + selfStudy, ADMIN_SH, "sh"))
                .path("total").asLong()).isEqualTo(3);
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + selfStudy + "&university=10268", FUDAN, "sh")
                .status()).isEqualTo(404);
    }

    @Test
    void anotherBureausOperatorAndANonOperatorAreRefused_OPS3() {
        // a Shanghai token addressing Shandong, and Shandong's exam asked for at Shanghai's address
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam, ADMIN_SH, "sd").status())
                .isEqualTo(404);
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam, ADMIN_SH, "sh").status())
                .isEqualTo(404);
        assertThat(get("/api/enrollments/operations/today", ADMIN_SH, "sd").status()).isEqualTo(404);
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam, NO_DESK, "sd").status())
                .isEqualTo(403);
        assertThat(get("/api/enrollments/operations/today", NO_DESK, "sd").status()).isEqualTo(403);
        assertThat(get("/api/enrollments/operations/enrollments?exam=" + exam,
                ISSUER.candidateTokenOf("sd", UUID.randomUUID().toString()), "sd").status()).isEqualTo(403);
    }

    @Test
    void todayCountsTheOpenExamsConfirmedAndCompletedWithinTheScope_OPS3() {
        JsonNode bureau = examOf(ok(get("/api/enrollments/operations/today", AUDITOR, "sd")), exam);
        assertThat(bureau.path("figures").path("confirmed").asLong()).isEqualTo(3);
        assertThat(bureau.path("figures").path("completed").asLong()).isEqualTo(2);
        assertThat(bureau.path("name").asString()).isNotBlank();

        JsonNode jinan = examOf(ok(get("/api/enrollments/operations/today", CITY_JINAN, "sd")), exam);
        assertThat(jinan.path("figures").path("confirmed").asLong()).isEqualTo(1);
        assertThat(jinan.path("figures").path("completed").asLong()).isEqualTo(1);

        JsonNode fudan = examOf(ok(get("/api/enrollments/operations/today", FUDAN, "sh")), selfStudy);
        assertThat(fudan.path("figures").path("confirmed").asLong()).isEqualTo(2);
        assertThat(fudan.path("figures").path("completed").asLong()).isEqualTo(1);
        // Shandong's exams are not Shanghai's open exams
        assertThat(ok(get("/api/enrollments/operations/today", ADMIN_SH, "sh")).path("exams").toString())
                .doesNotContain(exam);
    }

    @Test
    void financeExportsThePaidListPerLocationAsCsvAuditedWithTheReason_OPS3() {
        HttpProbe.Answer created = post("/api/enrollments/operations/exports", FINANCE, "sd", """
                {"exam": "%s", "list": "PAID", "grouping": "BY_LOCATION", "format": "CSV",
                 "reason": "考点签到表"}""".formatted(exam));
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().path("id").asString();
        JsonNode done = awaitDone(id, FINANCE);
        assertThat(done.path("rowsTotal").asInt()).isEqualTo(2);
        assertThat(done.path("percent").asInt()).isEqualTo(100);

        HttpResponse<byte[]> file = download(id, FINANCE, "sd");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String csv = new String(file.body(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3); // the header and the two completed enrollments
        assertThat(lines.get(0)).startsWith("\uFEFF分组,序号,考点代码");
        assertThat(csv).contains("3701 济南市,1,3701,济南市,李明,37**************12", "3702 青岛市,1,3702,青岛市,孙丽")
                .doesNotContain("王芳", "赵强");

        String audit = jdbc.sql("""
                select envelope from messaging.outbox where topic = 'operator.actions' and envelope like :id""")
                .param("id", "%" + id + "%").query(String.class).single();
        assertThat(audit).contains("export.create", "考点签到表", "finance-sd", exam);

        // only the operator who asked sees it
        String otherFinance = ISSUER.operatorToken("finance-sd-2", "sd", Map.of(), "finance");
        assertThat(get("/api/enrollments/operations/exports/" + id, otherFinance, "sd").status()).isEqualTo(404);
        assertThat(download(id, otherFinance, "sd").statusCode()).isEqualTo(404);
        assertThat(ok(get("/api/enrollments/operations/exports", FINANCE, "sd")).path("items").toString())
                .contains(id);
    }

    @Test
    void aCityOperatorsXlsxExportHoldsTheirCityOnlyOneSheetPerLocation_OPS3() throws Exception {
        String id = post("/api/enrollments/operations/exports", CITY_JINAN, "sd", """
                {"exam": "%s", "list": "ENROLLED", "grouping": "BY_LOCATION", "format": "XLSX",
                 "reason": "济南考点名单"}""".formatted(exam)).json().path("id").asString();
        awaitDone(id, CITY_JINAN);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                download(id, CITY_JINAN, "sd").body()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("3701 济南市");
            List<Row> rows = sheets.getFirst().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(3)).isEqualTo("姓名");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("李明");
        }
    }

    @Test
    void aUniversityReviewerExportsTheirUniversitysPaidCoursesOnly_OPS3() {
        String id = post("/api/enrollments/operations/exports", FUDAN, "sh", """
                {"exam": "%s", "list": "ENROLLED", "grouping": "BY_UNIVERSITY", "format": "CSV",
                 "reason": "本校考生名单"}""".formatted(selfStudy)).json().path("id").asString();
        assertThat(awaitDone(id, FUDAN).path("rowsTotal").asInt()).isEqualTo(2);
        String csv = new String(download(id, FUDAN, "sh").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("10246 复旦大学").doesNotContain("10268");
    }

    @Test
    void exportsAreRefusedOutsideTheDeskWithoutAReasonOrAFittingGrouping_OPS3() {
        String body = """
                {"exam": "%s", "list": "PAID", "grouping": "BY_LOCATION", "format": "CSV", "reason": "核对"}"""
                .formatted(exam);
        assertThat(post("/api/enrollments/operations/exports", AUDITOR, "sd", body).status()).isEqualTo(403);
        assertThat(post("/api/enrollments/operations/exports", ADMIN_SH, "sd", body).status()).isEqualTo(404);
        assertThat(post("/api/enrollments/operations/exports", ADMIN_SH, "sh", body).status()).isEqualTo(404);
        assertThat(post("/api/enrollments/operations/exports", ADMIN, "sd", body.replace("核对", " ")).problemCode())
                .isEqualTo("REASON_REQUIRED");
        assertThat(post("/api/enrollments/operations/exports", ADMIN, "sd",
                body.replace("BY_LOCATION", "BY_UNIVERSITY")).problemCode()).isEqualTo("GROUPING_NOT_AVAILABLE");
        assertThat(post("/api/enrollments/operations/exports", ADMIN, "sd", body.replace("CSV", "PDF")).problemCode())
                .isEqualTo("FORMAT_INVALID");
        assertThat(jdbc.sql("select count(*) from enrollment_export where exam_code = :exam").param("exam", exam)
                .query(Long.class).single()).isZero();
    }

    private JsonNode awaitDone(String id, String token) {
        String bureau = token.equals(FUDAN) ? "sh" : "sd";
        return Eventually.value("export " + id + " done", () -> {
            JsonNode export = ok(get("/api/enrollments/operations/exports/" + id, token, bureau));
            assertThat(export.path("status").asString()).isNotEqualTo("FAILED");
            return export.path("status").asString().equals("DONE") ? export : null;
        });
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("items").forEach(row -> codes.add(row.path("location").path("code").asString()));
        return codes;
    }

    private static JsonNode examOf(JsonNode today, String code) {
        return StreamSupport.stream(today.path("exams").spliterator(), false)
                .filter(exam -> exam.path("exam").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among the open exams: " + today));
    }

    private static JsonNode ok(HttpProbe.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private HttpProbe.Answer get(String path, String token, String bureau) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }

    private HttpProbe.Answer post(String path, String token, String bureau, String json) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<byte[]> download(String id, String token, String bureau) {
        try {
            return HttpClient.newHttpClient().send(http.request("/api/enrollments/operations/exports/" + id + "/file")
                    .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
