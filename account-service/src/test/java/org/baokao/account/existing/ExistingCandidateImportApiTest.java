package org.baokao.account.existing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.AccountUniversities;
import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.LoginCalls;
import org.baokao.account.support.TestAccounts;
import org.baokao.account.support.TestSpreadsheets;
import org.baokao.personaldata.EventSealer;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SST-3, ACC-9: operators import a bureau's 在籍考生 (CSV/XLSX, one row per university + major held) through the
 * roster's import machinery; each new candidate gets an account at the bureau with the initial password (last 6
 * characters of the ID number), to be changed at first login, and logs in with the ID number or the 准考证号.
 */
@ServiceTest
class ExistingCandidateImportApiTest {

    static final List<String> HEADER = List.of("证件类型", "证件号码", "姓名", "准考证号", "主考学校代码", "专业代码",
            "手机号", "电子邮箱");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    Accounts accounts;
    @Autowired
    AccountUniversities universities;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventSealer eventKeys;

    @Test
    void eachCandidateGetsOneAccountWithTheInitialPasswordHoldingEveryUniversityOfTheirRows() {
        String li = TestAccounts.randomIdNumber();
        String wang = TestAccounts.randomIdNumber();
        String liNumber = admissionNumber();
        String wangNumber = admissionNumber();
        String phone = TestAccounts.randomPhone();
        byte[] file = TestSpreadsheets.utf8(List.of(HEADER,
                List.of("居民身份证", li, "李四", liNumber, "10246", "C050201", phone, " LiSi@Example.COM "),
                List.of("身份证", wang, "王五", wangNumber.toLowerCase(), "10269", "C040106", "", ""),
                List.of("居民身份证", li, "李四", liNumber, "10269", "C040106", "", "")));

        JsonNode done = api().importAndWait("在籍考生.csv", file);

        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("bureau").asString()).isEqualTo(DemoBureaus.SH);
        assertThat(done.path("total").asInt()).isEqualTo(3);
        assertThat(done.path("inserted").asInt()).isEqualTo(3);
        assertThat(done.path("rejected").asInt()).isZero();
        assertThat(done.path("operator").asString()).isEqualTo("op-existing");

        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(li)).orElseThrow();
        assertThat(account.mustChangePassword()).as("the initial password must be changed").isTrue();
        assertThat(account.phoneVerified()).as("the phone on file is verified at first login").isFalse();
        assertThat(account.phone()).isEqualTo(phone);
        assertThat(account.passwordHash()).startsWith("$argon2id$").doesNotContain(li.substring(12));
        assertThat(encoder.matches(li.substring(12), account.passwordHash())).isTrue();
        assertThat(accounts.admissionNumberOf(account.id())).contains(liNumber);
        assertThat(accounts.findEmail(account.id())).as("the domain in lower case, as accounts keep it")
                .contains("LiSi@example.com");
        assertThat(jdbc.sql("select email_hash from candidate_account where id = ?").param(account.id())
                .query(String.class).single()).isEqualTo(accounts.lookupHash("LiSi@example.com"));
        assertThat(universities.of(account.id())).containsExactly(
                new AccountUniversities.Held("10246", "C050201"), new AccountUniversities.Held("10269", "C040106"));
        assertThat(accounts.findByIdNumber(DemoBureaus.SD, resident(li))).as("an account of sh only").isEmpty();

        var other = accounts.findByIdNumber(DemoBureaus.SH, resident(wang)).orElseThrow();
        assertThat(other.phone()).as("no phone on file").isNull();
        assertThat(accounts.admissionNumberOf(other.id())).as("stored upper-case").contains(wangNumber);
        assertThat(accounts.findEmail(other.id())).isEmpty();

        JsonNode event = importedEvent(account.id()).get(0);
        assertThat(event.path("accountCreated").asBoolean()).isTrue();
        assertThat(event.path("bureau").asString()).isEqualTo(DemoBureaus.SH);
        assertThat(event.path("examCode").asString()).isEqualTo(DemoBureaus.SH_EXAM);
        // issue 23 §5: the name travels sealed, never in clear, in the outbox row (and so on account.events)
        assertThat(event.path("name").isNull() || event.path("name").isMissingNode()).isTrue();
        assertThat(event.toString()).doesNotContain("李四");
        assertThat(eventKeys.open(event.path("sealedName").asString())).isEqualTo("李四");
        assertThat(event.path("admissionNumber").asString()).isEqualTo(liNumber);
        assertThat(event.path("idNumberHash").asString()).isEqualTo(accounts.idNumberHash(resident(li)));
        assertThat(event.path("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(event.path("held").toString())
                .isEqualTo("[{\"universityCode\":\"10246\",\"majorCode\":\"C050201\"},"
                        + "{\"universityCode\":\"10269\",\"majorCode\":\"C040106\"}]");
        assertThat(event.toString()).doesNotContain(li).doesNotContain(phone);
        assertThat(importedEvent(other.id())).singleElement()
                .satisfies(e -> assertThat(e.path("phoneMasked").isNull()).isTrue());
    }

    @Test
    void theImportedCandidateLogsInWithTheIdNumberOrTheAdmissionNumberAndMustChangeThePassword() {
        String id = TestAccounts.randomIdNumber();
        String number = admissionNumber();
        api().importAndWait("a.csv", file(List.of("居民身份证", id, "赵六", number, "10246", "C050201", "", "")));

        HttpProbe.Answer byId = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, id, id.substring(12));
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json().path("mustChangePassword").asBoolean()).isTrue();
        assertThat(byId.json().path("mustVerifyPhone").asBoolean()).isTrue();
        HttpProbe.Answer byNumber = LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, number.toLowerCase(),
                id.substring(12));
        assertThat(byNumber.status()).as("准考证号, typed in lower case").isEqualTo(200);
        assertThat(LoginCalls.claims(byNumber.json().path("access_token").asString()).path("bureau").asString())
                .isEqualTo(DemoBureaus.SH);
        assertThat(LoginCalls.withoutSms(DemoBureaus.SH, port, captchas, id, "000000").status()).isEqualTo(401);
    }

    @Test
    void aShortDocumentNumberGetsAnInitialPasswordPaddedWithZeros() {
        String passport = "E" + ThreadLocalRandom.current().nextInt(1000, 10000);
        api().importAndWait("passport.csv", file(List.of("护照", passport, "John Smith", admissionNumber(), "10246",
                "C050201", "", "")));

        var account = accounts.findByIdNumber(DemoBureaus.SH, IdDocument.parse(IdType.PASSPORT, passport))
                .orElseThrow();
        assertThat(encoder.matches("0" + passport, account.passwordHash())).isTrue();
    }

    @Test
    void importingTheSameFileAgainChangesNothingNorResetsAChangedPassword() {
        String id = TestAccounts.randomIdNumber();
        byte[] file = file(List.of("居民身份证", id, "钱七", admissionNumber(), "10246", "C050201", "", ""),
                List.of("居民身份证", id, "钱七", "", "10269", "C040106", "", ""));
        // the second row lacks the 准考证号: refused; the first imports
        JsonNode first = api().importAndWait("first.csv", file);
        assertThat(first.path("inserted").asInt()).isEqualTo(1);
        assertThat(first.path("rejected").asInt()).isEqualTo(1);
        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        HttpProbe.Answer changed = ClientCalls.post(port, "/api/accounts/me/password", """
                {"oldPassword":"%s","password":"Xin2026","confirmPassword":"Xin2026"}""".formatted(id.substring(12)),
                TestServers.issuer().token(account.id().toString(), "candidate"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        long events = importedEvent(account.id()).size();

        JsonNode again = api().importAndWait("first.csv", file);

        assertThat(again.path("inserted").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.path("rejected").asInt()).isEqualTo(1);
        var after = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        assertThat(after.id()).isEqualTo(account.id());
        assertThat(encoder.matches("Xin2026", after.passwordHash())).as("the changed password stays").isTrue();
        assertThat(after.mustChangePassword()).isFalse();
        assertThat(importedEvent(account.id())).as("nothing changed, nothing published").hasSize((int) events);
        assertThat(jdbc.sql("select count(*) from candidate_account where bureau_code = 'sh' and id_number_hash = ?")
                .param(accounts.idNumberHash(resident(id))).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLaterFileAddsAUniversityAndAPhoneToTheAccountAndPublishesEverythingItHolds() {
        String id = TestAccounts.randomIdNumber();
        String number = admissionNumber();
        api().importAndWait("one.csv", file(List.of("居民身份证", id, "孙八", number, "10246", "C050201", "", "")));
        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        String phone = TestAccounts.randomPhone();

        JsonNode later = api().importAndWait("two.csv", file(
                List.of("居民身份证", id, "孙八", number, "10246", "C050201", phone, ""),
                List.of("居民身份证", id, "孙八", number, "10280", "C120201", "", "")));

        assertThat(later.path("updated").asInt()).as("the phone, then the new university").isEqualTo(2);
        assertThat(later.path("inserted").asInt()).isZero();
        var after = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        assertThat(after.phone()).isEqualTo(phone);
        assertThat(after.phoneVerified()).isFalse();
        assertThat(encoder.matches(id.substring(12), after.passwordHash())).isTrue();
        List<JsonNode> events = importedEvent(account.id());
        assertThat(events).hasSize(2);
        assertThat(events.get(1).path("accountCreated").asBoolean()).isFalse();
        assertThat(events.get(1).path("held").findValuesAsString("universityCode"))
                .containsExactly("10246", "10280");
    }

    @Test
    void badRowsAreReportedByLineAndFieldWhileGoodRowsImport() {
        String good = TestAccounts.randomIdNumber();
        String twice = TestAccounts.randomIdNumber();
        String holder = TestAccounts.randomIdNumber();
        String taken = admissionNumber();
        api().importAndWait("holder.csv", file(List.of("居民身份证", holder, "周九", taken, "10246", "C050201", "", "")));
        String goodNumber = admissionNumber();
        String twiceNumber = admissionNumber();
        byte[] file = file(
                List.of("居民身份证", good, "吴十", goodNumber, "10246", "C050201", "", ""),          // line 2
                List.of("居民身份证", good, "吴十一", goodNumber, "10269", "C040106", "", ""),        // 3: another name
                List.of("居民身份证", good, "吴十", goodNumber, "10246", "C050201", "", ""),          // 4: same major
                List.of("居民身份证", twice, "郑一", goodNumber, "10246", "C050201", "", ""),         // 5: good's number
                List.of("居民身份证", TestAccounts.randomIdNumber(), "冯二", taken, "10246", "C050201", "", ""), // 6
                List.of("驾驶证", "123", "陈3", "准考证", "", "C050201", "12345", "no-mail"),            // 7
                List.of("居民身份证", twice, "郑一", twiceNumber, "10246", "C050201", "", ""));       // 8

        JsonNode done = api().importAndWait("mixed.csv", file);

        assertThat(done.path("inserted").asInt()).as("lines 2 and 8").isEqualTo(2);
        assertThat(done.path("rejected").asInt()).isEqualTo(5);
        JsonNode errors = api().get(ExistingApi.IMPORTS + "/" + done.path("importId").asString() + "/errors").json();
        List<String> found = new ArrayList<>();
        for (JsonNode item : errors.path("items")) {
            found.add(item.path("line").asInt() + " " + item.path("field").asString() + " " + item.path("code")
                    .asString());
        }
        assertThat(found).containsExactly(
                "3 姓名 NAME_MISMATCH",
                "4 专业代码 UNIVERSITY_MAJOR_DUPLICATE",
                "5 准考证号 ADMISSION_NUMBER_DUPLICATE",
                "6 准考证号 ADMISSION_NUMBER_TAKEN",
                "7 证件类型 ID_TYPE_UNKNOWN",
                "7 姓名 NAME_DIGITS",
                "7 准考证号 ADMISSION_NUMBER_FORMAT",
                "7 主考学校代码 UNIVERSITY_CODE_REQUIRED",
                "7 手机号 PHONE_INVALID",
                "7 电子邮箱 EMAIL_INVALID");
        assertThat(errors.toString()).doesNotContain(good).doesNotContain(taken).doesNotContain("吴十一");
        assertThat(accounts.findByIdNumber(DemoBureaus.SH, resident(twice))).as("line 8").isPresent();
        var goodAccount = accounts.findByIdNumber(DemoBureaus.SH, resident(good)).orElseThrow();
        assertThat(universities.of(goodAccount.id())).singleElement()
                .isEqualTo(new AccountUniversities.Held("10246", "C050201"));
    }

    @Test
    void anXlsxWithTextCellsImports() {
        String id = TestAccounts.randomIdNumber();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("2026年在籍考生名单"));
        rows.add(new ArrayList<>(HEADER.subList(0, 6)));
        rows.add(List.of("居民身份证", id, "褚三", admissionNumber(), 10246, "C050201"));

        JsonNode done = api().importAndWait("在籍考生.xlsx", TestSpreadsheets.xlsx(rows));

        assertThat(done.path("format").asString()).isEqualTo("XLSX");
        assertThat(done.path("inserted").asInt()).isEqualTo(1);
        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();
        assertThat(universities.of(account.id())).extracting(AccountUniversities.Held::universityCode)
                .containsExactly("10246");
    }

    @Test
    void aFileRefusedAsAWholeSaysSoWithTheImportsOwnCodes() {
        HttpProbe.Answer missing = api().upload("a.csv", TestSpreadsheets.utf8(List.of(
                List.of("证件类型", "证件号码", "姓名", "专业代码"), List.of("身份证", "1", "a", "b"))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("EXISTING_HEADER_MISSING");
        assertThat(missing.json().path("columns").toString()).isEqualTo("[\"准考证号\",\"主考学校代码\"]");

        HttpProbe.Answer headerOnly = api().upload("b.csv", TestSpreadsheets.utf8(List.of(HEADER)));
        assertThat(headerOnly.problemCode()).isEqualTo("EXISTING_NO_ROWS");
        assertThat(headerOnly.json().path("detail").asString()).isNotBlank();

        HttpProbe.Answer empty = api().upload("c.csv", new byte[0]);
        assertThat(empty.problemCode()).isEqualTo("EXISTING_FILE_EMPTY");
        assertThat(empty.json().path("detail").asString()).contains("在籍考生名单");
    }

    @Test
    void anImportBelongsToItsBureauAndOnlyOperatorsImport() {
        JsonNode done = api().importAndWait("x.csv", file(List.of("居民身份证", TestAccounts.randomIdNumber(), "卫四",
                admissionNumber(), "10246", "C050201", "", "")));
        String path = ExistingApi.IMPORTS + "/" + done.path("importId").asString();

        assertThat(new ExistingApi(port, DemoBureaus.SD).get(path).status()).as("at another bureau").isEqualTo(404);
        assertThat(new ExistingApi(port, DemoBureaus.SD).get(path).problemCode())
                .isEqualTo("EXISTING_IMPORT_NOT_FOUND");
        assertThat(api().get(ExistingApi.IMPORTS).json().findValuesAsString("importId"))
                .contains(done.path("importId").asString());
        assertThat(new ExistingApi(port, DemoBureaus.SD).get(ExistingApi.IMPORTS).json().findValuesAsString("importId"))
                .doesNotContain(done.path("importId").asString());
        String candidate = TestServers.issuer().token(UUID.randomUUID().toString(), "candidate");
        assertThat(new ExistingApi(port, DemoBureaus.SH, candidate).get(ExistingApi.IMPORTS).status()).isIn(403, 404);
        assertThat(new ExistingApi(port, DemoBureaus.SH, null).get(ExistingApi.IMPORTS).status()).isEqualTo(401);
        assertThat(new ExistingApi(port, "zz").get(ExistingApi.IMPORTS).problemCode()).isEqualTo("BUREAU_NOT_FOUND");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("OPS-3: an administrator's upload is audited as existing-candidates.import; an auditor's is refused (403)")
    void operatorsUploadsAreAudited() {
        String admin = TestServers.issuer().operatorToken("admin-sh", DemoBureaus.SH, java.util.Map.of(),
                "bureau-admin");
        String auditor = TestServers.issuer().operatorToken("auditor-sh", DemoBureaus.SH, java.util.Map.of(),
                "auditor");
        byte[] content = file(List.of("居民身份证", TestAccounts.randomIdNumber(), "孙八", admissionNumber(), "10246",
                "C050201", "", ""));

        HttpProbe.Answer refused = new ExistingApi(port, DemoBureaus.SH, auditor).upload("x.csv", content);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");

        HttpProbe.Answer accepted = new ExistingApi(port, DemoBureaus.SH, admin).upload("在籍.csv", content);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String importId = accepted.json().path("importId").asString();
        List<org.baokao.events.operator.OperatorActed> audited = jdbc.sql(
                "select envelope from messaging.outbox where topic = 'operator.actions' order by id")
                .query(String.class).list().stream()
                .map(envelope -> org.baokao.events.EventCodec.payload(org.baokao.events.EventCodec.read(envelope),
                        org.baokao.events.operator.OperatorActed.class))
                .filter(acted -> importId.equals(acted.subjectId())).toList();
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst().action()).isEqualTo("existing-candidates.import");
        assertThat(audited.getFirst().bureau()).isEqualTo(DemoBureaus.SH);
        assertThat(audited.getFirst().details()).containsEntry("kind", "EXISTING").containsEntry("file", "在籍.csv")
                .containsEntry("rows", "1");
        assertThat(new ExistingApi(port, DemoBureaus.SH, auditor).get(ExistingApi.IMPORTS + "/" + importId).status())
                .as("auditors read").isEqualTo(200);
    }

    @Test
    void theDatabaseKeepsNoIdNumberNamePhoneOrEmailInPlainText() {
        String id = TestAccounts.randomIdNumber();
        String phone = TestAccounts.randomPhone();
        JsonNode done = api().importAndWait("p.csv", file(List.of("居民身份证", id, "慕容复", admissionNumber(), "10246",
                "C050201", phone, "murong.fu@example.com")));
        var account = accounts.findByIdNumber(DemoBureaus.SH, resident(id)).orElseThrow();

        String everything = dump("select * from candidate_account where id = '" + account.id() + "'")
                + dump("select * from account_university where account_id = '" + account.id() + "'")
                + dump("select * from import_job where id = '" + done.path("importId").asString() + "'");
        assertThat(everything).contains("10246");
        assertThat(everything).doesNotContain(id).doesNotContain(id.substring(0, 14)).doesNotContain("慕容复")
                .doesNotContain(phone).doesNotContain("murong");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ExistingApi api() {
        return new ExistingApi(port, DemoBureaus.SH);
    }

    @SafeVarargs
    private static byte[] file(List<String>... rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(rows));
        return TestSpreadsheets.utf8(all);
    }

    private static IdDocument resident(String number) {
        return IdDocument.parse(IdType.RESIDENT_ID, number);
    }

    /** A 准考证号 nobody has: 12 digits, as Shanghai's. */
    static String admissionNumber() {
        return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
    }

    /** The ExistingCandidateImported events of an account, oldest first, as the outbox holds them. */
    private List<JsonNode> importedEvent(UUID accountId) {
        return jdbc.sql("""
                select envelope from messaging.outbox
                where envelope::jsonb ->> 'type' = 'ExistingCandidateImported'
                  and envelope::jsonb -> 'payload' ->> 'candidateId' = ?
                order by id""")
                .param(accountId.toString()).query(String.class).list().stream()
                .map(envelope -> JSON.readTree(envelope).path("payload")).toList();
    }

    private String dump(String select) {
        return jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from (" + select + ") t").query(String.class)
                .single();
    }
}
