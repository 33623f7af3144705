package org.baokao.account.phonechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.baokao.account.account.Accounts;
import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.storage.ProofStorage;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.notification.SmsRequested;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;

/** ACC-8: phone change without the old phone, proven by a code to the new phone and proof images, reviewed. */
@ServiceTest(s3 = true)
// the login code after an approval goes to the phone that just got the change code: no 60 s wait in a test
@TestPropertySource(properties = "baokao.account.sms.phone-cooldown=0s")
class PhoneChangeApiTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;
    static final byte[] JPEG = image(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 2048);
    static final byte[] PNG = image(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 3000);
    static final byte[] ZIP = image(new byte[] { 'P', 'K', 3, 4 }, 1024);
    static final String OPERATOR = "op-phone-review";

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MinioClient minio;
    @Autowired
    ProofStorage storage;

    final String operatorToken = TestServers.issuer().token(OPERATOR, "operator", "bureau-admin");

    @Test
    void anApprovedRequestRebindsTheAccountToTheNewPhoneAndTellsEveryone() {
        var account = TestAccounts.create(accounts, encoder, false);
        String token = candidateToken(account);
        String newPhone = TestAccounts.randomPhone();

        var filed = submit(token, newPhone, codeFor(token, newPhone), proofs(JPEG, PNG, JPEG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        UUID requestId = UUID.fromString(filed.json().path("requestId").asString());
        assertThat(filed.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(filed.body()).doesNotContain(newPhone);

        // the operator's list and detail: masked, never in clear
        var list = get("/api/accounts/operations/phone-change-requests?size=100", operatorToken);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(requestId.toString()).doesNotContain(newPhone)
                .doesNotContain(account.phone()).doesNotContain(account.idNumber());
        var detail = get("/api/accounts/operations/phone-change-requests/" + requestId, operatorToken);
        assertThat(detail.json().path("maskedNewPhone").asString())
                .isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        assertThat(detail.json().path("maskedIdNumber").asString()).startsWith("37").contains("*");
        assertThat(detail.body()).doesNotContain(newPhone).doesNotContain(account.idNumber());

        // the images come back through the service, byte for byte, and each view is audited
        HttpResponse<byte[]> back = download(detail.json().path("proofs").path("ID_CARD_BACK").asString());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(back.body()).isEqualTo(PNG);
        assertThat(jdbc.sql("""
                select count(*) from personal_data_access
                where candidate_id = ? and operator_subject = ? and fields = 'ID_CARD_BACK'""")
                .params(account.id(), OPERATOR).query(Integer.class).single()).isEqualTo(1);

        var approved = decide(null, requestId.toString(), "approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(OPERATOR);
        assertThat(accounts.findById(account.id()).orElseThrow().phone()).isEqualTo(newPhone);

        var changed = EVENTS.matching(PhoneChanged.class, e -> e.candidateId().equals(account.id()), 1);
        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(e.via()).isEqualTo("MANUAL_REVIEW");
            assertThat(e.phoneMasked()).isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        });
        var told = EVENTS.matching(SmsRequested.class,
                e -> account.id().equals(e.candidateId()) && e.template().equals("PHONE_CHANGED"), 1);
        assertThat(told).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo(newPhone);
            assertThat(sms.params()).containsEntry("maskedPhone", newPhone.substring(0, 3) + "****" + newPhone.substring(7));
            assertThat(sms.bureau()).as("BUR-1: the account's bureau").isEqualTo("sd");
        });

        // the login code now goes to the new phone, and logging in with it works
        assertThat(postPublic("/api/accounts/public/sms-codes/login", idAndCaptcha(account.idNumber())).status())
                .isEqualTo(202);
        var login = postPublic("/api/accounts/public/logins", """
                {"idType":"RESIDENT_ID","idNumber":"%s","password":"%s","smsCode":"%s"}"""
                .formatted(account.idNumber(), TestAccounts.PASSWORD, SentCodes.latestFor(newPhone)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);

        // decided once only
        var again = post("/api/accounts/operations/phone-change-requests/" + requestId + "/approve", "", operatorToken);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("PHONE_CHANGE_DECIDED");
        assertThat(post("/api/accounts/operations/phone-change-requests/" + requestId + "/reject",
                "{\"reason\":\"照片不清晰\"}", operatorToken).status()).isEqualTo(409);
        assertThat(EVENTS.matching(PhoneChanged.class, e -> e.candidateId().equals(account.id()), 1))
                .as("no second event").hasSize(1);

        // what is stored: no phone or ID number in clear, random object keys
        String row = jdbc.sql("select t::text from phone_change_request t where id = ?").param(requestId)
                .query(String.class).single();
        assertThat(row).doesNotContain(newPhone).doesNotContain(account.phone()).doesNotContain(account.idNumber())
                .doesNotContain(account.idNumber().substring(6, 14));
        String audit = jdbc.sql("select string_agg(t::text, '|') from personal_data_access t where candidate_id = ?")
                .param(account.id()).query(String.class).single();
        assertThat(audit).doesNotContain(newPhone).doesNotContain(account.phone()).doesNotContain(account.idNumber());
        assertThat(jdbc.sql("select id_front_key from phone_change_request where id = ?").param(requestId)
                .query(String.class).single()).matches("phone-change/[0-9a-f]{2}/[0-9a-f]{32}");
    }

    @Test
    void aRejectedRequestKeepsTheOldPhoneAndTellsTheCandidateWhy() {
        var account = TestAccounts.create(accounts, encoder, false);
        String token = candidateToken(account);
        String newPhone = TestAccounts.randomPhone();
        var filed = submit(token, newPhone, codeFor(token, newPhone), proofs(JPEG, JPEG, PNG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String requestId = filed.json().path("requestId").asString();
        String reject = "/api/accounts/operations/phone-change-requests/" + requestId + "/reject";

        assertThat(post(reject, "{\"reason\":\"手持身份证照片看不清\"}", operatorToken).problemCode())
                .as("OPS-3: only with a claim").isEqualTo("PHONE_CHANGE_CLAIM_REQUIRED");
        assertThat(claim(null, requestId).status()).isEqualTo(200);
        var noReason = post(reject, "{\"reason\":\"  \"}", operatorToken);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("REJECT_REASON_REQUIRED");
        assertThat(noReason.json().path("detail").asString()).contains("驳回原因");
        assertThat(get("/api/accounts/me/phone-change-requests/" + requestId, token).json().path("status").asString())
                .isEqualTo("PENDING");

        var rejected = post(reject, "{\"reason\":\"手持身份证照片看不清\"}", operatorToken);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(accounts.findById(account.id()).orElseThrow().phone()).isEqualTo(account.phone());

        var mine = get("/api/accounts/me/phone-change-requests/" + requestId, token);
        assertThat(mine.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(mine.json().path("reason").asString()).isEqualTo("手持身份证照片看不清");
        var told = EVENTS.matching(SmsRequested.class,
                e -> account.id().equals(e.candidateId()) && e.template().equals("REVIEW_DECIDED"), 1);
        assertThat(told).singleElement().satisfies(sms -> {
            assertThat(sms.phone()).isEqualTo(account.phone());
            assertThat(sms.params().get("result")).contains("手持身份证照片看不清");
            assertThat(sms.bureau()).isEqualTo("sd");
        });
        assertThat(EVENTS.matching(PhoneChanged.class, e -> e.candidateId().equals(account.id()), 0))
                .isEmpty();
        assertThat(post("/api/accounts/operations/phone-change-requests/" + requestId + "/approve", "", operatorToken)
                .status()).isEqualTo(409);
        assertThat(accounts.findById(account.id()).orElseThrow().phone()).isEqualTo(account.phone());
    }

    @Test
    void aZipRenamedJpgOrAnOversizedImageIsRefusedAndNothingIsStored() {
        var account = TestAccounts.create(accounts, encoder, false);
        String token = candidateToken(account);
        String newPhone = TestAccounts.randomPhone();
        String code = codeFor(token, newPhone);
        long objectsBefore = objectCount();

        var zip = submit(token, newPhone, code, proofs(JPEG, ZIP, JPEG));
        assertThat(zip.status()).isEqualTo(400);
        assertThat(zip.problemCode()).isEqualTo("PROOF_NOT_IMAGE");
        assertThat(zip.json().path("detail").asString()).contains("JPG或PNG");

        byte[] huge = image(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, 5 * 1024 * 1024 + 1);
        var tooLarge = submit(token, newPhone, code, proofs(JPEG, JPEG, huge));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.problemCode()).isEqualTo("PROOF_TOO_LARGE");

        assertThat(objectCount()).isEqualTo(objectsBefore);
        assertThat(requestsOf(account.id())).isZero();

        // refused files did not use up the code
        assertThat(submit(token, newPhone, code, proofs(JPEG, JPEG, JPEG)).status()).isEqualTo(201);
        assertThat(objectCount()).isEqualTo(objectsBefore + 3);
    }

    @Test
    void aWrongCodeFilesNothingAndOnlyOneRequestMayBeOpen() {
        var account = TestAccounts.create(accounts, encoder, false);
        String token = candidateToken(account);
        String newPhone = TestAccounts.randomPhone();
        String code = codeFor(token, newPhone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        var refused = submit(token, newPhone, wrong, proofs(JPEG, JPEG, JPEG));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("SMS_CODE_WRONG");
        assertThat(requestsOf(account.id())).isZero();

        assertThat(submit(token, newPhone, code, proofs(JPEG, JPEG, JPEG)).status()).isEqualTo(201);
        String otherPhone = TestAccounts.randomPhone();
        var second = submit(token, otherPhone, codeFor(token, otherPhone), proofs(JPEG, JPEG, JPEG));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemCode()).isEqualTo("PHONE_CHANGE_OPEN");
        assertThat(requestsOf(account.id())).isEqualTo(1);
    }

    @Test
    void anotherCandidateCannotSeeOrActOnARequestAndCandidatesCannotReview() {
        var owner = TestAccounts.create(accounts, encoder, false);
        var other = TestAccounts.create(accounts, encoder, false);
        String ownerToken = candidateToken(owner);
        String otherToken = candidateToken(other);
        String newPhone = TestAccounts.randomPhone();
        var filed = submit(ownerToken, newPhone, codeFor(ownerToken, newPhone), proofs(JPEG, JPEG, JPEG));
        String requestId = filed.json().path("requestId").asString();

        assertThat(get("/api/accounts/me/phone-change-requests/" + requestId, otherToken).status()).isEqualTo(404);
        assertThat(get("/api/accounts/me/phone-change-requests", otherToken).body()).doesNotContain(requestId);
        assertThat(post("/api/accounts/me/phone-change-requests/" + requestId + "/withdraw", "", otherToken).status())
                .isEqualTo(404);
        assertThat(post("/api/accounts/operations/phone-change-requests/" + requestId + "/approve", "", ownerToken)
                .status()).isEqualTo(403);
        assertThat(get("/api/accounts/operations/phone-change-requests/" + requestId + "/proofs/ID_CARD_FRONT",
                otherToken).status()).isEqualTo(403);
        assertThat(get("/api/accounts/me/phone-change-requests/" + requestId, ownerToken).json().path("status")
                .asString()).isEqualTo("PENDING");
        assertThat(accounts.findById(owner.id()).orElseThrow().phone()).isEqualTo(owner.phone());

        // the owner may withdraw it, and then file again
        assertThat(post("/api/accounts/me/phone-change-requests/" + requestId + "/withdraw", "", ownerToken).status())
                .isEqualTo(204);
        assertThat(post("/api/accounts/operations/phone-change-requests/" + requestId + "/approve", "", operatorToken)
                .status()).isEqualTo(409);
        assertThat(accounts.findById(owner.id()).orElseThrow().phone()).isEqualTo(owner.phone());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    @Test
    void aCandidateWhoLostTheOldPhoneAsksWithoutLoggingInProvenByPassword() {
        var account = TestAccounts.create(accounts, encoder, false);
        String newPhone = TestAccounts.randomPhone();

        // a wrong password gets the generic answer, counts like a failed login, and sends nothing
        var wrong = postPublic("/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.idNumber(), "Wrong@2026x", newPhone)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problemCode()).isEqualTo("LOGIN_FAILED");
        assertThat(wrong.body()).contains("证件号码/准考证号或密码错误");
        assertThat(jdbc.sql("select failed_logins from candidate_account where id = ?").param(account.id())
                .query(Integer.class).single()).isEqualTo(1);

        var sent = postPublic("/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String code = SentCodes.latestFor(newPhone);

        Map<String, String> form = lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone);
        form.put("smsCode", code);
        var filed = multipart("/api/accounts/public/phone-change-requests", null, form, proofs(JPEG, PNG, JPEG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(filed.body()).doesNotContain(newPhone).doesNotContain(account.idNumber());
        assertThat(requestsOf(account.id())).isEqualTo(1);

        UUID requestId = UUID.fromString(filed.json().path("requestId").asString());
        var approved = decide(null, requestId.toString(), "approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(accounts.findById(account.id()).orElseThrow().phone()).isEqualTo(newPhone);
    }

    /** BUR-1: the account is the one of the ID at the addressed bureau; codes and messages are its bureau's. */
    @Test
    void bur1_aShanghaiCandidateWhoLostThePhoneAsksAtShanghaisAddress() {
        var account = TestAccounts.create(accounts, encoder, DemoBureaus.SH, TestAccounts.randomIdNumber(), false);
        String newPhone = TestAccounts.randomPhone();

        var atShandong = postPublic("/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone)));
        assertThat(atShandong.status()).as("no such account at Shandong").isEqualTo(401);

        var sent = ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone)), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        SmsRequested code = SentCodes.latestRequestFor(newPhone);
        assertThat(code.bureau()).isEqualTo("sh");

        Map<String, String> form = lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone);
        form.put("smsCode", code.params().get("code"));
        var filed = multipart(DemoBureaus.SH, "/api/accounts/public/phone-change-requests", null, form,
                proofs(JPEG, PNG, JPEG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        UUID requestId = UUID.fromString(filed.json().path("requestId").asString());
        assertThat(decide(DemoBureaus.SH, requestId.toString(), "approve", "").status()).isEqualTo(200);
        assertThat(EVENTS.matching(SmsRequested.class,
                e -> account.id().equals(e.candidateId()) && e.template().equals("PHONE_CHANGED"), 1))
                .singleElement().satisfies(sms -> assertThat(sms.bureau()).isEqualTo("sh"));
    }

    /**
     * ACC-8 for an imported 在籍考生 (ACC-9) without a phone on file, who knows their 准考证号: they ask at Shanghai's
     * address by 准考证号 and password, read the state later on the same page (审核中, then 已通过), and the approval
     * binds the new phone and tells them by an SMS of their bureau.
     */
    @Test
    void acc8_anImportedCandidateWithoutAPhoneAsksByAdmissionNumberAndReadsTheStateLater() {
        Imported account = importedWithoutPhone();
        String newPhone = TestAccounts.randomPhone();

        var sent = ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.admissionNumber().toLowerCase(), account.password(), newPhone)), null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        SmsRequested code = SentCodes.latestRequestFor(newPhone);
        assertThat(code.bureau()).isEqualTo(DemoBureaus.SH);
        Map<String, String> form = lostPhoneForm(account.admissionNumber(), account.password(), newPhone);
        form.put("smsCode", code.params().get("code"));
        var filed = multipart(DemoBureaus.SH, "/api/accounts/public/phone-change-requests", null, form,
                proofs(JPEG, PNG, JPEG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("label").asString()).isEqualTo("审核中");

        var pending = lookUp(account.admissionNumber(), account.password());
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        assertThat(pending.json()).singleElement().satisfies(view -> {
            assertThat(view.path("status").asString()).isEqualTo("PENDING");
            assertThat(view.path("label").asString()).isEqualTo("审核中");
            assertThat(view.path("maskedNewPhone").asString()).isEqualTo(
                    newPhone.substring(0, 3) + "****" + newPhone.substring(7));
        });
        assertThat(lookUp(account.admissionNumber(), "wrong-password").status()).isEqualTo(401);
        assertThat(ClientCalls.postTo(null, port, "/api/accounts/public/phone-change-requests/lookup",
                lookupJson(account.admissionNumber(), account.password()), null).status())
                .as("not at another bureau's address").isEqualTo(401);

        String requestId = filed.json().path("requestId").asString();
        assertThat(decide(DemoBureaus.SH, requestId, "approve", "").status()).isEqualTo(200);

        var bound = accounts.findById(account.id()).orElseThrow();
        assertThat(bound.phone()).isEqualTo(newPhone);
        assertThat(bound.phoneVerified()).isTrue();
        assertThat(EVENTS.matching(SmsRequested.class,
                e -> account.id().equals(e.candidateId()) && e.template().equals("PHONE_CHANGED"), 1))
                .singleElement().satisfies(sms -> {
                    assertThat(sms.phone()).isEqualTo(newPhone);
                    assertThat(sms.bureau()).as("signed 【上海市教育考试院】 by notification-service").isEqualTo("sh");
                });
        assertThat(lookUp(account.admissionNumber(), account.password()).json().get(0).path("label").asString())
                .isEqualTo("已通过");
    }

    @Test
    void acc8_aRejectionWithoutAPhoneOnFileIsToldOnTheNewPhoneAndReadOnThePage() {
        Imported account = importedWithoutPhone();
        String newPhone = TestAccounts.randomPhone();
        assertThat(ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/public/phone-change/code",
                json(lostPhoneForm(account.idNumber(), account.password(), newPhone)), null).status()).isEqualTo(202);
        Map<String, String> form = lostPhoneForm(account.idNumber(), account.password(), newPhone);
        form.put("smsCode", SentCodes.latestFor(newPhone));
        var filed = multipart(DemoBureaus.SH, "/api/accounts/public/phone-change-requests", null, form,
                proofs(JPEG, PNG, JPEG));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);

        assertThat(decide(DemoBureaus.SH, filed.json().path("requestId").asString(), "reject",
                "{\"reason\":\"身份证照片不清晰\"}").status()).isEqualTo(200);

        assertThat(accounts.findById(account.id()).orElseThrow().phone()).isNull();
        assertThat(EVENTS.matching(SmsRequested.class,
                e -> account.id().equals(e.candidateId()) && e.template().equals("REVIEW_DECIDED"), 1))
                .singleElement().satisfies(sms -> {
                    assertThat(sms.phone()).isEqualTo(newPhone);
                    assertThat(sms.bureau()).isEqualTo("sh");
                });
        var view = lookUp(account.idNumber(), account.password()).json().get(0);
        assertThat(view.path("label").asString()).isEqualTo("未通过");
        assertThat(view.path("reason").asString()).isEqualTo("身份证照片不清晰");
    }

    /** An account as the 在籍考生 import makes it at Shanghai: initial password, a 准考证号, no phone on file. */
    private Imported importedWithoutPhone() {
        String idNumber = TestAccounts.randomIdNumber();
        String admissionNumber = "9" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
        UUID id = UUID.randomUUID();
        String password = idNumber.substring(12);
        assertThat(accounts.createImported(id, new Accounts.ImportedAccount(DemoBureaus.SH, DemoBureaus.SH_EXAM,
                IdDocument.parse(IdType.RESIDENT_ID, idNumber), "韩梅梅", null, null, encoder.encode(password),
                admissionNumber))).isTrue();
        return new Imported(id, idNumber, admissionNumber, password);
    }

    private record Imported(UUID id, String idNumber, String admissionNumber, String password) {
    }

    private HttpProbe.Answer lookUp(String name, String password) {
        return ClientCalls.postTo(DemoBureaus.SH, port, "/api/accounts/public/phone-change-requests/lookup",
                lookupJson(name, password), null);
    }

    private String lookupJson(String name, String password) {
        var captcha = captchas.issue();
        return """
                {"idNumber":"%s","password":"%s","captchaId":"%s","captcha":"%s"}""".formatted(name, password,
                captcha.captchaId(), REVEALED.answerOf(captcha.captchaId()));
    }

    @Test
    void withoutLoggingInAnUnknownIdAndAWrongPasswordLookAlikeAndNothingIsFiled() {
        var account = TestAccounts.create(accounts, encoder, false);
        String newPhone = TestAccounts.randomPhone();

        Map<String, String> wrongPassword = lostPhoneForm(account.idNumber(), "Wrong@2026x", newPhone);
        wrongPassword.put("smsCode", "123456");
        var refused = multipart("/api/accounts/public/phone-change-requests", null, wrongPassword,
                proofs(JPEG, JPEG, JPEG));
        Map<String, String> unknownId = lostPhoneForm(TestAccounts.randomIdNumber(), TestAccounts.PASSWORD, newPhone);
        unknownId.put("smsCode", "123456");
        var unknown = multipart("/api/accounts/public/phone-change-requests", null, unknownId, proofs(JPEG, JPEG, JPEG));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(refused.body().replace(refused.json().path("instance").asString(),
                unknown.json().path("instance").asString()));
        assertThat(requestsOf(account.id())).isZero();

        Map<String, String> badImage = lostPhoneForm(account.idNumber(), TestAccounts.PASSWORD, newPhone);
        badImage.put("smsCode", "123456");
        var zip = multipart("/api/accounts/public/phone-change-requests", null, badImage, proofs(JPEG, ZIP, JPEG));
        assertThat(zip.status()).isEqualTo(400);
        assertThat(requestsOf(account.id())).isZero();
    }

    private String candidateToken(TestAccounts.Made account) {
        return TestServers.issuer().token(account.id().toString(), "candidate");
    }

    private String codeFor(String token, String newPhone) {
        var sent = post("/api/accounts/me/phone-change/code", "{\"newPhone\":\"" + newPhone + "\"}", token);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return SentCodes.latestFor(newPhone);
    }

    private long requestsOf(UUID candidateId) {
        return jdbc.sql("select count(*) from phone_change_request where candidate_id = ?").param(candidateId)
                .query(Long.class).single();
    }

    private long objectCount() {
        return StreamSupport.stream(minio.listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .recursive(true).build()).spliterator(), false).count();
    }

    private static Map<String, byte[]> proofs(byte[] front, byte[] back, byte[] holding) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("idCardFront", front);
        files.put("idCardBack", back);
        files.put("holdingId", holding);
        return files;
    }

    private static byte[] image(byte[] signature, int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private HttpProbe.Answer submit(String token, String newPhone, String smsCode, Map<String, byte[]> files) {
        return multipart("/api/accounts/me/phone-change-requests", token,
                Map.of("newPhone", newPhone, "smsCode", smsCode), files);
    }

    private HttpProbe.Answer multipart(String path, String token, Map<String, String> fields, Map<String, byte[]> files) {
        return multipart(null, path, token, fields, files);
    }

    /** Addressed to {@code bureau} ({@code Baokao-Bureau}), or unprefixed (the default bureau) when null. */
    private HttpProbe.Answer multipart(String bureau, String path, String token, Map<String, String> fields,
            Map<String, byte[]> files) {
        String boundary = "----baokao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                        + "\"; filename=\"" + file.getKey() + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpProbe http = HttpProbe.onLocalPort(port);
        HttpRequest.Builder request = http.request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Forwarded-For", randomClient())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (bureau != null) {
            request.header(BureauAddress.HEADER, bureau);
        }
        return http.send(request);
    }

    /** The public form of a candidate who lost the old phone: ID, password and a fresh captcha. */
    private Map<String, String> lostPhoneForm(String idNumber, String password, String newPhone) {
        var captcha = captchas.issue();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idType", "RESIDENT_ID");
        form.put("idNumber", idNumber);
        form.put("password", password);
        form.put("newPhone", newPhone);
        form.put("captchaId", captcha.captchaId().toString());
        form.put("captcha", REVEALED.answerOf(captcha.captchaId()));
        return form;
    }

    private String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":\"").append(value).append('"'));
        return json.append('}').toString();
    }

    private HttpResponse<byte[]> download(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + operatorToken).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** OPS-3: the operator claims the request at the account's bureau's address. */
    private HttpProbe.Answer claim(String bureau, String requestId) {
        return ClientCalls.postTo(bureau, port, "/api/accounts/operations/phone-change-requests/" + requestId
                + "/claim", "", operatorToken);
    }

    /** Claims, then {@code approve} or {@code reject}, as a reviewer does at the desk; a refused claim is the answer. */
    private HttpProbe.Answer decide(String bureau, String requestId, String action, String json) {
        HttpProbe.Answer claimed = claim(bureau, requestId);
        if (claimed.status() != 200) {
            return claimed;
        }
        return ClientCalls.postTo(bureau, port, "/api/accounts/operations/phone-change-requests/" + requestId + "/"
                + action, json, operatorToken);
    }

    private HttpProbe.Answer get(String path, String token) {
        return HttpProbe.onLocalPort(port).get(path, token);
    }

    private HttpProbe.Answer post(String path, String json, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", randomClient())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpProbe.Answer postPublic(String path, String json) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("X-Forwarded-For", randomClient())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String idAndCaptcha(String idNumber) {
        var captcha = captchas.issue();
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","captchaId":"%s","captcha":"%s"}"""
                .formatted(idNumber, captcha.captchaId(), REVEALED.answerOf(captcha.captchaId()));
    }

    private static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.8." + random.nextInt(250) + "." + random.nextInt(250);
    }
}
