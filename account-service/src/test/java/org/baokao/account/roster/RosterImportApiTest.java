package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.account.roster.RosterTestFiles.HEADER;
import static org.baokao.account.roster.RosterTestFiles.resident;
import static org.baokao.account.roster.RosterTestFiles.residentId;
import static org.baokao.account.roster.RosterTestFiles.row;
import static org.baokao.account.roster.RosterTestFiles.utf8;
import static org.baokao.account.roster.RosterTestFiles.withHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.baokao.account.fileimport.ImportJobs;
import org.baokao.account.fileimport.ImportProperties;
import org.baokao.personaldata.EventSealer;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.account.identity.IdType;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** ACC-3 roster imports through the operator API, against real PostgreSQL and Kafka; ACC-10 for what is stored. */
@ServiceTest
class RosterImportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    RosterLookup lookup;
    @Autowired
    ImportJobs imports;
    @Autowired
    EventSealer eventKeys;
    @Autowired
    ImportProperties properties;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aUtf8CsvWithColumnsInAnyOrderImportsAndTheLookupFindsItsRows() {
        String exam = newExam();
        String first = residentId(1);
        String second = residentId(2);
        String passport = "E12345678";
        String csv = RosterTestFiles.csv(List.of(
                List.of("备注", "姓名", "证件号码", "证件类型", "专业名称", "专业代码", "院校名称", "院校代码", "考生类型"),
                List.of("", "𠮷田", first, "居民身份证", "医学影像技术", "620403", "山东医学高等专科学校", "10452", "校荐"),
                List.of("插班", "阿卜杜·热合曼", second, "RESIDENT_ID", "护理", "520201", "济南职业学院", "12345", "3+2"),
                List.of("", "John Smith", passport, "护照", "软件技术", "510203", "山东商业职业技术学院", "12346", "退役士兵")));

        JsonNode done = api().importAndWait(exam, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("format").asString()).isEqualTo("CSV_UTF8");
        assertThat(done.path("fileName").asString()).isEqualTo("roster.csv");
        assertThat(done.path("total").asInt()).isEqualTo(3);
        assertThat(done.path("processed").asInt()).isEqualTo(3);
        assertThat(done.path("inserted").asInt()).isEqualTo(3);
        assertThat(done.path("rejected").asInt()).isZero();
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("operator").asString()).isEqualTo("op-roster");

        RosterEntry entry = lookup.find(exam, IdType.RESIDENT_ID, first).orElseThrow();
        assertThat(entry.name()).isEqualTo("𠮷田");
        assertThat(entry.candidateType()).isEqualTo(CandidateType.SCHOOL_RECOMMENDED);
        assertThat(entry.collegeCode()).isEqualTo("10452");
        assertThat(entry.collegeName()).isEqualTo("山东医学高等专科学校");
        assertThat(entry.majorCode()).isEqualTo("620403");
        assertThat(entry.majorName()).isEqualTo("医学影像技术");
        assertThat(entry.toString()).doesNotContain("𠮷田");
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, second).orElseThrow().candidateType())
                .isEqualTo(CandidateType.THREE_PLUS_TWO);
        assertThat(lookup.find(exam, IdType.PASSPORT, passport).orElseThrow().name()).isEqualTo("John Smith");

        assertThat(lookup.find(exam, IdType.HMT_RESIDENCE_PERMIT, first)).as("another ID type").isEmpty();
        assertThat(lookup.find(newExam(), IdType.RESIDENT_ID, first)).as("another exam's roster").isEmpty();
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(3))).as("not on the roster").isEmpty();

        JsonNode recent = api().get(RosterApi.imports(exam)).json();
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.get(0).path("importId").asString()).isEqualTo(done.path("importId").asString());
    }

    @Test
    void aUtf8CsvWithABomImports() {
        String exam = newExam();
        byte[] file = RosterTestFiles.csvBytes(withHeader(List.of(resident(residentId(10), "王小明"))),
                StandardCharsets.UTF_8, true);

        JsonNode done = api().importAndWait(exam, "名单.csv", file);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("inserted").asInt()).isEqualTo(1);
        assertThat(done.path("fileName").asString()).isEqualTo("名单.csv");
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(10)).orElseThrow().name()).isEqualTo("王小明");
    }

    @Test
    void aGbkCsvAsExcelSavesItImports() {
        String exam = newExam();
        byte[] file = RosterTestFiles.csvBytes(withHeader(List.of(
                resident(residentId(20), "欧阳娜娜"),
                row("居民身份证", residentId(21), "买买提·艾力", "退役士兵", "10452", "山东医学高等专科学校", "620403", "医学影像技术"))),
                Charset.forName("GBK"), false);

        JsonNode done = api().importAndWait(exam, "roster-gbk.csv", file);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("format").asString()).isEqualTo("CSV_GBK");
        assertThat(done.path("inserted").asInt()).isEqualTo(2);
        RosterEntry veteran = lookup.find(exam, IdType.RESIDENT_ID, residentId(21)).orElseThrow();
        assertThat(veteran.name()).isEqualTo("买买提·艾力");
        assertThat(veteran.candidateType()).isEqualTo(CandidateType.VETERAN);
        assertThat(veteran.collegeName()).isEqualTo("山东医学高等专科学校");
    }

    @Test
    void anXlsxWithATitleRowImportsWithNumberCellsReadAsExcelShowsThem() {
        String exam = newExam();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("2026年专升本考生名单（title rows above the header are skipped）"));
        rows.add(new ArrayList<>(HEADER));
        rows.add(List.of("居民身份证", residentId(30), "李雷", "校荐", 10452, "山东医学高等专科学校", 620403, "医学影像技术"));
        rows.add(List.of("港澳台胞证", "H12345678", "陈大文", "3+2", "10453", "济南职业学院", "520201", "护理"));
        // an ID typed into a number cell: Excel keeps 15 significant digits
        rows.add(List.of("居民身份证", 370102199003071234L, "韩梅梅", "校荐", "10452", "山东医学高等专科学校", "620403", "医学影像技术"));

        JsonNode done = api().importAndWait(exam, "roster.xlsx", RosterTestFiles.xlsx(rows));

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("format").asString()).isEqualTo("XLSX");
        assertThat(done.path("inserted").asInt()).isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(1);
        RosterEntry first = lookup.find(exam, IdType.RESIDENT_ID, residentId(30)).orElseThrow();
        assertThat(first.collegeCode()).isEqualTo("10452");
        assertThat(first.majorCode()).isEqualTo("620403");
        assertThat(lookup.find(exam, IdType.HMT_TRAVEL_PERMIT, "H12345678").orElseThrow().name()).isEqualTo("陈大文");

        JsonNode errors = api().get(RosterApi.imports(exam) + "/" + done.path("importId").asString() + "/errors").json();
        assertThat(errors.path("total").asLong()).isEqualTo(1);
        JsonNode error = errors.path("items").get(0);
        assertThat(error.path("line").asInt()).as("the spreadsheet's row number").isEqualTo(5);
        assertThat(error.path("field").asString()).isEqualTo("证件号码");
        assertThat(error.path("code").asString()).isEqualTo("ID_SCIENTIFIC");
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsLineAndColumnAndTheGoodRowsStillImport() throws IOException {
        String exam = newExam();
        String good = residentId(40);
        String wrongCheck = Gb11643TestNumbers.withWrongCheck(residentId(41).substring(0, 17));
        String lowerX = lowerCaseXNumber();
        StringBuilder csv = new StringBuilder();
        RosterTestFiles.appendCsvLine(csv, HEADER);
        RosterTestFiles.appendCsvLine(csv, resident(good, "张三"));                                          // 2
        RosterTestFiles.appendCsvLine(csv, row("军官证", residentId(42), "李四", "校荐", "10452", "山东医专", "620403", "影像")); // 3
        RosterTestFiles.appendCsvLine(csv, resident(wrongCheck, "王五"));                                    // 4
        RosterTestFiles.appendCsvLine(csv, resident(lowerX, "赵六"));                                        // 5
        RosterTestFiles.appendCsvLine(csv, resident(residentId(43), "张3"));                                 // 6
        RosterTestFiles.appendCsvLine(csv, resident(residentId(44), "长".repeat(51)));                       // 7
        RosterTestFiles.appendCsvLine(csv, resident(residentId(45), ""));                                   // 8
        RosterTestFiles.appendCsvLine(csv, row("居民身份证", residentId(46), "孙七", "统招", "10452", "山东医专", "620403", "影像")); // 9
        RosterTestFiles.appendCsvLine(csv, row("居民身份证", residentId(47), "周八", "校荐", " ", "山东医专", "620403", "影像")); // 10
        RosterTestFiles.appendCsvLine(csv, row("居民身份证", residentId(48), "吴九", "校荐", "10452", "山东医专", "6".repeat(21), "影像")); // 11
        RosterTestFiles.appendCsvLine(csv, row("居民身份证", residentId(49), "郑十", "校荐", "10452", "", "620403", "影".repeat(101))); // 12
        RosterTestFiles.appendCsvLine(csv, resident(good, "张三"));                                          // 13 duplicate of 2
        RosterTestFiles.appendCsvLine(csv, resident(residentId(50), "𠮷祥"));                                // 14
        csv.append(",,,,,,,\r\n");                                                                           // 15 blank: skipped
        RosterTestFiles.appendCsvLine(csv, row("居民身份证", residentId(51), "迪丽热巴·迪力木拉提", "3+2", "10452", "山东医专", "620403", "影像")); // 16

        JsonNode done = api().importAndWait(exam, "with-errors.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("total").asInt()).isEqualTo(14);
        assertThat(done.path("processed").asInt()).isEqualTo(14);
        assertThat(done.path("inserted").asInt()).isEqualTo(3);
        assertThat(done.path("rejected").asInt()).isEqualTo(11);
        String importPath = RosterApi.imports(exam) + "/" + done.path("importId").asString();

        List<String> reported = new ArrayList<>();
        JsonNode page = api().get(importPath + "/errors?page=0&size=5").json();
        assertThat(page.path("total").asLong()).isEqualTo(12);
        assertThat(page.path("totalPages").asInt()).isEqualTo(3);
        for (int p = 0; p < 3; p++) {
            api().get(importPath + "/errors?page=" + p + "&size=5").json().path("items").forEach(error -> {
                assertThat(error.path("reason").asString()).isNotBlank();
                reported.add(error.path("line").asInt() + " " + error.path("field").asString() + " "
                        + error.path("code").asString());
            });
        }
        assertThat(reported).containsExactly(
                "3 证件类型 ID_TYPE_UNKNOWN",
                "4 证件号码 ID_CHECK_DIGIT",
                "5 证件号码 ID_LOWERCASE_X",
                "6 姓名 NAME_DIGITS",
                "7 姓名 NAME_TOO_LONG",
                "8 姓名 NAME_REQUIRED",
                "9 考生类型 CANDIDATE_TYPE_UNKNOWN",
                "10 院校代码 COLLEGE_CODE_REQUIRED",
                "11 专业代码 MAJOR_CODE_FORMAT",
                "12 院校名称 COLLEGE_NAME_REQUIRED",
                "12 专业名称 MAJOR_NAME_TOO_LONG",
                "13 证件号码 ID_DUPLICATE");
        JsonNode all = api().get(importPath + "/errors?size=100").json().path("items");
        assertThat(all.get(1).path("reason").asString()).isEqualTo("证件号码校验位不正确，请核对");
        assertThat(all.get(11).path("reason").asString()).contains("第2行");

        HttpResponse<byte[]> report = api().download(importPath + "/errors.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        byte[] bytes = report.body();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("行号,列,错误代码,错误原因");
        assertThat(lines.get(2)).isEqualTo("4,证件号码,ID_CHECK_DIGIT,证件号码校验位不正确，请核对");
        assertThat(lines.get(12)).startsWith("13,证件号码,ID_DUPLICATE,");
        assertThat(text).doesNotContain(good).doesNotContain(wrongCheck).doesNotContain(lowerX);

        assertThat(lookup.find(exam, IdType.RESIDENT_ID, good)).isPresent();
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(50)).orElseThrow().name()).isEqualTo("𠮷祥");
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(51))).isPresent();
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(46))).isEmpty();
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingWhatIsMissing() {
        String exam = newExam();
        String csv = RosterTestFiles.csv(List.of(
                List.of("证件类型", "证件号码", "考生类型", "院校代码", "院校名称", "专业代码", "备注"),
                List.of("居民身份证", residentId(60), "校荐", "10452", "山东医专", "620403", "")));

        HttpProbe.Answer refused = api().upload(exam, "roster.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("ROSTER_HEADER_MISSING");
        assertThat(refused.json().path("detail").asString()).contains("缺少必需的列：姓名、专业名称");
        List<String> columns = new ArrayList<>();
        refused.json().path("columns").forEach(column -> columns.add(column.asString()));
        assertThat(columns).containsExactly("姓名", "专业名称");
        assertNothingStored(exam);
    }

    @Test
    void brokenOrEmptyFilesAreRefusedWithAClearReasonAndNothingIsStored() throws IOException {
        String exam = newExam();
        RosterApi api = api();
        String valid = RosterTestFiles.csv(withHeader(List.of(resident(residentId(70), "张三"))));

        assertRefused(api.upload(exam, "empty.csv", new byte[0]), "ROSTER_FILE_EMPTY");
        assertRefused(api.upload(exam, "blank.csv", "\r\n\r\n".getBytes(StandardCharsets.UTF_8)), "ROSTER_FILE_EMPTY");
        assertRefused(api.upload(exam, "header-only.csv", utf8(List.of(HEADER))), "ROSTER_NO_ROWS");
        assertRefused(api.upload(exam, "roster.xlsx", valid.getBytes(StandardCharsets.UTF_8)), "ROSTER_XLSX_INVALID");
        assertRefused(api.upload(exam, "roster.xlsx", zipWithout("xl/workbook.xml")), "ROSTER_XLSX_INVALID");
        assertRefused(api.upload(exam, "roster.xls",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0}),
                "ROSTER_XLS_UNSUPPORTED");

        String unclosed = valid + "居民身份证,\"" + residentId(71) + ",李四,校荐,10452,山东医专,620403,影像\r\n";
        HttpProbe.Answer quote = api.upload(exam, "unclosed.csv", unclosed.getBytes(StandardCharsets.UTF_8));
        assertRefused(quote, "ROSTER_CSV_MALFORMED");
        assertThat(quote.json().path("detail").asString()).contains("第3行的引号没有闭合");
        String stray = valid + "居民身份证," + residentId(72) + ",李\"四,校荐,10452,山东医专,620403,影像\r\n";
        HttpProbe.Answer strayQuote = api.upload(exam, "stray.csv", stray.getBytes(StandardCharsets.UTF_8));
        assertRefused(strayQuote, "ROSTER_CSV_MALFORMED");
        assertThat(strayQuote.json().path("detail").asString()).contains("第3行");

        HttpProbe.Answer noFile = api.post(exam, "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(noFile, "ROSTER_FILE_EMPTY");

        assertThat(api.upload("bad.exam", "roster.csv", valid.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
        assertNothingStored(exam);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() {
        String exam = newExam();
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        HttpProbe.Answer refused = api().upload(exam, "big.csv", big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.problemCode()).isEqualTo("ROSTER_FILE_TOO_LARGE");
        assertThat(refused.json().path("detail").asString()).contains("50MB");
        assertNothingStored(exam);
    }

    @Test
    void reimportingTheSameFileChangesNothingAndPublishesNothingAndAChangedRowIsUpdated() {
        String exam = newExam();
        var mark = PublishedRosterEvents.mark();
        List<List<String>> rows = new ArrayList<>(withHeader(List.of(
                resident(residentId(80), "刘一"),
                resident(residentId(81), "陈二"),
                resident(residentId(82), "张三"))));
        byte[] file = utf8(rows);

        JsonNode first = api().importAndWait(exam, "roster.csv", file);
        assertThat(first.path("inserted").asInt()).isEqualTo(3);
        assertThat(outboxEvents(exam)).isEqualTo(3);

        JsonNode again = api().importAndWait(exam, "roster.csv", file);
        assertThat(again.path("status").asString()).isEqualTo("DONE");
        assertThat(again.path("inserted").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(outboxEvents(exam)).as("no event for an unchanged row").isEqualTo(3);

        rows.set(2, resident(residentId(81), "陈贰"));                                          // name corrected
        rows.set(3, row("居民身份证", residentId(82), "张三", "校荐", "10452", "山东医学高等专科学校", "620404", "医学检验技术")); // major
        JsonNode changed = api().importAndWait(exam, "roster-v2.csv", utf8(rows));
        assertThat(changed.path("inserted").asInt()).isZero();
        assertThat(changed.path("updated").asInt()).isEqualTo(2);
        assertThat(changed.path("unchanged").asInt()).isEqualTo(1);
        assertThat(outboxEvents(exam)).isEqualTo(5);
        assertThat(lookup.find(exam, IdType.RESIDENT_ID, residentId(81)).orElseThrow().name()).isEqualTo("陈贰");
        RosterEntry moved = lookup.find(exam, IdType.RESIDENT_ID, residentId(82)).orElseThrow();
        assertThat(moved.majorCode()).isEqualTo("620404");
        assertThat(jdbc.sql("select count(*) from roster_entry where exam_code = ?").param(exam).query(Long.class)
                .single()).isEqualTo(3);

        var seen = PublishedRosterEvents.since(mark, exam, 5);
        assertThat(seen.events()).hasSize(5);
        var renamed = seen.events().stream().filter(e -> eventKeys.open(e.sealedName()).equals("陈贰")).findFirst()
                .orElseThrow();
        assertThat(renamed.rosterEntryId()).isEqualTo(seen.events().stream()
                .filter(e -> eventKeys.open(e.sealedName()).equals("陈二")).findFirst().orElseThrow().rosterEntryId());
        assertThat(renamed.idType()).isEqualTo("RESIDENT_ID");
        assertThat(renamed.candidateType()).isEqualTo("SCHOOL_RECOMMENDED");
        assertThat(renamed.idNumberHash()).matches("[0-9a-f]{64}");
        assertThat(renamed.idNumberMasked()).isEqualTo("37" + "*".repeat(14) + residentId(81).substring(16));
        assertThat(String.join("\n", seen.rawValues()))
                .doesNotContain(residentId(80)).doesNotContain(residentId(81)).doesNotContain(residentId(82));
    }

    @Test
    void onlyOperatorsMayImport() {
        String exam = newExam();
        byte[] file = utf8(withHeader(List.of(resident(residentId(90), "张三"))));
        String candidate = TestServers.issuer().token("someone", "candidate");

        HttpProbe.Answer anonymous = new RosterApi(port, null).upload(exam, "roster.csv", file);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemCode()).isEqualTo("UNAUTHENTICATED");

        HttpProbe.Answer notAnOperator = new RosterApi(port, candidate).upload(exam, "roster.csv", file);
        assertThat(notAnOperator.status()).isEqualTo(403);
        assertThat(notAnOperator.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(new RosterApi(port, candidate).get(RosterApi.imports(exam)).status()).isEqualTo(403);
        assertThat(new RosterApi(port, null).get(RosterApi.imports(exam)).status()).isEqualTo(401);
        assertNothingStored(exam);

        JsonNode done = api().importAndWait(exam, "roster.csv", file);
        String importPath = RosterApi.imports(exam) + "/" + done.path("importId").asString();
        assertThat(new RosterApi(port, candidate).get(importPath).status()).isEqualTo(403);
        assertThat(new RosterApi(port, candidate).get(importPath + "/errors").status()).isEqualTo(403);
        assertThat(new RosterApi(port, candidate).get(importPath + "/errors.csv").status()).isEqualTo(403);
        assertThat(api().get(RosterApi.imports(newExam()) + "/" + done.path("importId").asString()).status())
                .as("an import is only found under its own exam").isEqualTo(404);
        assertThat(api().get(RosterApi.imports(exam) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /**
     * Issue 23 §5: the outbox row and the record on {@code account.events} carry the roster name sealed, never in
     * clear (nor the ID number): whoever reads the topic or the outbox table without the event keys learns no name.
     */
    @Test
    void rosterEventsCarryNoNameOrIdNumberInClearInTheOutboxOrOnTheTopic() {
        String exam = newExam();
        var mark = PublishedRosterEvents.mark();
        List<String> names = List.of("欧阳娜娜", "𠮷川", "Ahmed Nuri");
        List<String> numbers = List.of(residentId(110), residentId(111), residentId(112));
        byte[] file = utf8(withHeader(List.of(
                resident(numbers.get(0), names.get(0)),
                resident(numbers.get(1), names.get(1)),
                resident(numbers.get(2), names.get(2)))));

        assertThat(api().importAndWait(exam, "roster.csv", file).path("inserted").asInt()).isEqualTo(3);

        String outbox = dump("select envelope from messaging.outbox where envelope like '%" + exam + "%'");
        var seen = PublishedRosterEvents.since(mark, exam, 3);
        String topic = String.join("\n", seen.rawValues());
        assertThat(outbox).contains(exam);
        assertThat(topic).contains(exam);
        for (String name : names) {
            assertThat(outbox).as("outbox row").doesNotContain(name);
            assertThat(topic).as("account.events record").doesNotContain(name);
        }
        for (String number : numbers) {
            assertThat(outbox).doesNotContain(number);
            assertThat(topic).doesNotContain(number);
        }
        // the consumers that show the name open it with the shared event keys
        assertThat(seen.events()).allSatisfy(e -> assertThat(e.name()).isNull());
        assertThat(seen.events()).extracting(e -> eventKeys.open(e.sealedName()))
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void theDatabaseKeepsNoIdNumberOrNameInPlainText() {
        String exam = newExam();
        List<String> numbers = List.of(residentId(100), residentId(101), residentId(102));
        String badCheck = Gb11643TestNumbers.withWrongCheck(residentId(103).substring(0, 17));
        List<String> names = List.of("慕容复", "𠮷野家", "阿依古丽·买买提");
        byte[] file = utf8(withHeader(List.of(
                resident(numbers.get(0), names.get(0)),
                resident(numbers.get(1), names.get(1)),
                resident(numbers.get(2), names.get(2)),
                resident(badCheck, "段誉"),
                resident(numbers.get(0), "慕容复"))));

        JsonNode done = api().importAndWait(exam, "roster.csv", file);
        assertThat(done.path("inserted").asInt()).isEqualTo(3);
        assertThat(done.path("rejected").asInt()).isEqualTo(2);

        String everything = dump("select * from roster_entry where exam_code = '" + exam + "'")
                + dump("select * from import_job where kind = 'ROSTER' and scope = '" + exam + "'")
                + dump("select e.* from import_job_error e join import_job i on i.id = e.import_id "
                        + "where i.scope = '" + exam + "'");
        assertThat(everything).contains("10452"); // the dump does show the rows
        for (String number : numbers) {
            assertThat(everything).doesNotContain(number).doesNotContain(number.substring(0, 14));
        }
        assertThat(everything).doesNotContain(badCheck);
        for (String name : List.of("慕容复", "𠮷野家", "阿依古丽·买买提", "段誉")) {
            assertThat(everything).doesNotContain(name);
        }
        String outbox = dump("select envelope from messaging.outbox where envelope like '%" + exam + "%'");
        for (String number : numbers) {
            assertThat(outbox).doesNotContain(number);
        }
    }

    @Test
    void jobsNobodyHoldsAnyMoreAreMarkedFailedAndTheirUploadsDeleted() throws IOException {
        String exam = newExam();
        UUID abandoned = UUID.randomUUID();
        UUID beforeRestart = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        Instant now = Instant.now();
        insertJob(abandoned, exam, "RUNNING", "gone-instance", now.minusSeconds(600));
        insertJob(beforeRestart, exam, "QUEUED", imports.worker(), now.minusSeconds(5));
        insertJob(elsewhere, exam, "RUNNING", "other-instance", now.minusSeconds(5));
        Files.createDirectories(properties.workDir());
        Path leftUpload = Files.write(properties.workDir().resolve(abandoned + ".upload"), new byte[] {1});
        Files.setLastModifiedTime(leftUpload, FileTime.from(now.minusSeconds(600)));

        imports.sweep();

        for (UUID id : List.of(abandoned, beforeRestart)) {
            JsonNode failed = api().get(RosterApi.imports(exam) + "/" + id).json();
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("failureReason").asString()).contains("服务实例已停止或重启").contains("请重新导入");
            assertThat(failed.hasNonNull("finishedAt")).isTrue();
        }
        assertThat(api().get(RosterApi.imports(exam) + "/" + elsewhere).json().path("status").asString())
                .as("another instance touched it a moment ago").isEqualTo("RUNNING");
        assertThat(leftUpload).doesNotExist();
        jdbc.sql("update import_job set status = 'FAILED' where id = ?").param(elsewhere).update();
    }

    private void insertJob(UUID id, String exam, String status, String worker, Instant heartbeat) {
        jdbc.sql("""
                insert into import_job (id, kind, bureau, scope, file_name, format, status, total_rows,
                    processed_rows, operator, worker, heartbeat_at, created_at, started_at)
                values (?, 'ROSTER', 'sd', ?, 'old.csv', 'CSV_UTF8', ?, 1000, 400, 'op', ?, ?, ?, ?)""")
                .params(id, exam, status, worker, Timestamp.from(heartbeat), Timestamp.from(heartbeat),
                        Timestamp.from(heartbeat))
                .update();
    }

    private RosterApi api() {
        return new RosterApi(port);
    }

    private static String newExam() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
    }

    private static void assertRefused(HttpProbe.Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().path("detail").asString()).isNotBlank();
    }

    private void assertNothingStored(String exam) {
        assertThat(jdbc.sql("select count(*) from import_job where kind = 'ROSTER' and scope = ?").param(exam).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from roster_entry where exam_code = ?").param(exam).query(Long.class)
                .single()).isZero();
    }

    private long outboxEvents(String exam) {
        return jdbc.sql("""
                select count(*) from messaging.outbox
                where envelope::jsonb ->> 'type' = 'RosterEntryImported'
                  and envelope::jsonb -> 'payload' ->> 'examCode' = ?""")
                .param(exam).query(Long.class).single();
    }

    private String dump(String select) {
        return jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from (" + select + ") t").query(String.class)
                .single();
    }

    /** A resident ID whose check character is X, written with a lower-case x. */
    private static String lowerCaseXNumber() {
        for (int n = 200; ; n++) {
            String number = residentId(n);
            if (number.endsWith("X")) {
                return number.substring(0, 17) + "x";
            }
        }
    }

    private static byte[] zipWithout(String missing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write(("no " + missing + " here").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
