package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.account.roster.RosterTestFiles.resident;
import static org.baokao.account.roster.RosterTestFiles.residentId;
import static org.baokao.account.roster.RosterTestFiles.row;
import static org.baokao.account.roster.RosterTestFiles.utf8;
import static org.baokao.account.roster.RosterTestFiles.withHeader;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.EventCodec;
import org.baokao.events.operator.OperatorActed;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3 数据导入 (the Imports desk) with operators' own tokens, bound to one bureau: a bureau administrator uploads a
 * roster (audited {@code roster.import} with the job), follows it in the bureau's history, reads its refused rows as
 * JSON and as a CSV file; auditors read but do not upload; other roles are refused (403); another bureau's operator
 * finds nothing (404). Against real PostgreSQL.
 */
@ServiceTest
class ImportDeskApiTest {

    private static final String HISTORY = "/api/accounts/operations/imports";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String exam = "T" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    String sdAdmin = TestServers.issuer().operatorToken("operator", "sd", Map.of(), "bureau-admin");
    String sdAuditor = TestServers.issuer().operatorToken("auditor-sd", "sd", Map.of(), "auditor");
    String sdCity = TestServers.issuer().operatorToken("city-jinan", "sd", Map.of("city", "3701"), "city-operator");
    String sdFinance = TestServers.issuer().operatorToken("finance-sd", "sd", Map.of(), "finance");
    String shAdmin = TestServers.issuer().operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    @Test
    @DisplayName("OPS-3: an administrator's roster upload is audited as roster.import; the history, the row errors as JSON and as CSV follow it")
    void anUploadIsAuditedAndFollowedInTheHistory() {
        byte[] file = utf8(withHeader(List.of(resident(residentId(500), "张三"),
                row("居民身份证", "370102199001011234", "李四", "校荐", "10452", "山东医学高等专科学校", "620403", "医学影像技术"),
                resident(residentId(501), ""))));

        Answer accepted = upload("sd", sdAdmin, exam, "名单.csv", file);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String importId = accepted.json().path("importId").asString();

        List<OperatorActed> audited = audited(importId);
        assertThat(audited).hasSize(1);
        OperatorActed acted = audited.getFirst();
        assertThat(acted.action()).isEqualTo("roster.import");
        assertThat(acted.bureau()).isEqualTo("sd");
        assertThat(acted.operatorUsername()).isEqualTo("operator");
        assertThat(acted.subjectType()).isEqualTo("import");
        assertThat(acted.details()).containsEntry("kind", "ROSTER").containsEntry("scope", exam)
                .containsEntry("file", "名单.csv").containsEntry("rows", "3");

        JsonNode done = awaitEnd("sd", sdAdmin, importId);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("kind").asString()).isEqualTo("ROSTER");
        assertThat(done.path("inserted").asInt()).isEqualTo(1);
        assertThat(done.path("rejected").asInt()).isEqualTo(2);

        JsonNode history = get("sd", sdAdmin, HISTORY + "?kind=ROSTER&size=5").json();
        assertThat(history.path("items").get(0).path("importId").asString()).as("newest first").isEqualTo(importId);
        assertThat(history.path("items").get(0).path("scope").asString()).isEqualTo(exam);
        assertThat(history.path("items").get(0).path("operator").asString()).isEqualTo("operator");
        assertThat(history.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(history.path("size").asInt()).isEqualTo(5);

        JsonNode errors = get("sd", sdAdmin, HISTORY + "/" + importId + "/errors").json();
        assertThat(errors.path("total").asInt()).isEqualTo(2);
        assertThat(errors.path("items").valueStream().map(e -> e.path("line").asInt())).containsExactly(3, 4);
        assertThat(errors.path("items").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("证件号码", "姓名");
        String firstCode = errors.at("/items/0/code").asString();
        assertThat(firstCode).isNotBlank();

        Answer csv = get("sd", sdAdmin, HISTORY + "/" + importId + "/errors.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        assertThat(csv.body()).contains("行号,列,错误代码,错误原因").contains("3,证件号码," + firstCode)
                .contains("4,姓名,");
    }

    @Test
    @DisplayName("OPS-3: auditors read the history and the errors but upload nothing; city operators and finance are refused (403)")
    void rolesOfTheDesk() {
        byte[] file = utf8(withHeader(List.of(resident(residentId(510), "王五"))));
        String importId = upload("sd", sdAdmin, exam, "roster.csv", file).json().path("importId").asString();
        awaitEnd("sd", sdAdmin, importId);

        assertThat(get("sd", sdAuditor, HISTORY).status()).isEqualTo(200);
        assertThat(get("sd", sdAuditor, HISTORY + "/" + importId).status()).isEqualTo(200);
        assertThat(get("sd", sdAuditor, HISTORY + "/" + importId + "/errors").status()).isEqualTo(200);
        assertThat(get("sd", sdAuditor, HISTORY + "/" + importId + "/errors.csv").status()).isEqualTo(200);
        assertThat(get("sd", sdAuditor, RosterApi.imports(exam) + "/" + importId).status()).isEqualTo(200);
        String other = exam + "A";
        Answer auditorUpload = upload("sd", sdAuditor, other, "roster.csv", file);
        assertThat(auditorUpload.status()).isEqualTo(403);
        assertThat(auditorUpload.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(existingUpload("sd", sdAuditor).status()).isEqualTo(403);

        for (String outsider : List.of(sdCity, sdFinance)) {
            assertThat(get("sd", outsider, HISTORY).status()).isEqualTo(403);
            assertThat(get("sd", outsider, HISTORY + "/" + importId + "/errors").status()).isEqualTo(403);
            assertThat(get("sd", outsider, RosterApi.imports(exam)).status()).isEqualTo(403);
            assertThat(upload("sd", outsider, other, "roster.csv", file).status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from import_job where scope = ?").param(other).query(Long.class).single())
                .isZero();
        assertThat(get("sd", sdAdmin, HISTORY + "?kind=NOPE").problemCode()).isEqualTo("IMPORT_KIND_INVALID");
    }

    @Test
    @DisplayName("OPS-3: another bureau's import is 404 to Shanghai's administrator and not in Shanghai's history")
    void anotherBureausImportIsNotFound() {
        byte[] file = utf8(withHeader(List.of(resident(residentId(520), "赵六"))));
        String importId = upload("sd", sdAdmin, exam, "roster.csv", file).json().path("importId").asString();
        awaitEnd("sd", sdAdmin, importId);

        for (String path : List.of(HISTORY + "/" + importId, HISTORY + "/" + importId + "/errors",
                HISTORY + "/" + importId + "/errors.csv", RosterApi.imports(exam) + "/" + importId,
                RosterApi.imports(exam) + "/" + importId + "/errors.csv")) {
            Answer elsewhere = get("sh", shAdmin, path);
            assertThat(elsewhere.status()).as(path).isEqualTo(404);
        }
        assertThat(get("sh", shAdmin, HISTORY + "?size=100").json().findValuesAsString("importId"))
                .doesNotContain(importId);
        assertThat(get("sh", shAdmin, RosterApi.imports(exam)).json().findValuesAsString("importId"))
                .doesNotContain(importId);
        assertThat(get("sd", shAdmin, HISTORY).status()).as("Shandong's address with a Shanghai token").isEqualTo(404);
    }

    @Test
    @DisplayName("OPS-3, BUR-1: a roster for an exam known to be Shandong's is 404 at Shanghai's desk, nothing stored")
    void aRosterOnlyAtItsExamsBureau() {
        jdbc.sql("""
                insert into exam_registration_catalogue (exam_code, exam_name, exam_kind, universities, configured_at,
                    bureau)
                values (?, '专升本', 'UNIFIED_UPGRADE', '[]'::jsonb, now(), 'sd')""").param(exam).update();
        byte[] file = utf8(withHeader(List.of(resident(residentId(530), "钱七"))));

        Answer elsewhere = upload("sh", shAdmin, exam, "roster.csv", file);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from import_job where scope = ?").param(exam).query(Long.class).single())
                .isZero();
        assertThat(upload("sd", sdAdmin, exam, "roster.csv", file).status()).as("at its own bureau").isEqualTo(202);
    }

    @Test
    @DisplayName("OPS-3: a file refused as a whole leaves no job and no audit row")
    void aRefusedFileIsNotAudited() {
        long before = auditRows();
        Answer refused = upload("sd", sdAdmin, exam, "roster.csv", new byte[0]);
        assertThat(refused.status()).isEqualTo(400);
        Answer headerOnly = upload("sd", sdAdmin, exam, "roster.csv", utf8(withHeader(List.of())));
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from import_job where scope = ?").param(exam).query(Long.class).single())
                .isZero();
        assertThat(auditRows()).isEqualTo(before);
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from messaging.outbox where topic = 'operator.actions'").query(Long.class)
                .single();
    }

    private List<OperatorActed> audited(String importId) {
        return jdbc.sql("select envelope from messaging.outbox where topic = 'operator.actions' order by id")
                .query(String.class).list().stream()
                .map(envelope -> EventCodec.payload(EventCodec.read(envelope), OperatorActed.class))
                .filter(acted -> importId.equals(acted.subjectId())).toList();
    }

    private JsonNode awaitEnd(String bureau, String token, String importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode progress = get(bureau, token, HISTORY + "/" + importId).json();
            String status = progress.path("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return progress;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("import " + importId + " did not end: " + progress);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Answer get(String bureau, String token, String path) {
        return http.send(http.request(path).header(BureauAddress.HEADER, bureau)
                .header("Authorization", "Bearer " + token).GET());
    }

    private Answer upload(String bureau, String token, String examCode, String fileName, byte[] content) {
        return multipart(bureau, token, RosterApi.imports(examCode), fileName, content);
    }

    private Answer existingUpload(String bureau, String token) {
        return multipart(bureau, token, "/api/accounts/operations/existing-candidates/imports", "x.csv",
                "证件类型,证件号码\n".getBytes(StandardCharsets.UTF_8));
    }

    private Answer multipart(String bureau, String token, String path, String fileName, byte[] content) {
        String boundary = "----baokao" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http.send(http.request(path).header(BureauAddress.HEADER, bureau)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
