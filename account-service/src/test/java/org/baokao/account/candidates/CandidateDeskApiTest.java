package org.baokao.account.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.account.Accounts;
import org.baokao.account.identity.IdDocument;
import org.baokao.account.identity.IdType;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.SentCodes;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * OPS-3 考生查询: search through the keyed hashes, masked answers, reveal in clear only with a reason, unlock and the
 * password-reset SMS; each refused to a role outside the desk (403), to a scoped operator outside their scope and to
 * another bureau's operator (404), and each written to the audit trail (OperatorActed in the outbox).
 */
@ServiceTest
class CandidateDeskApiTest {

    static final String BASE = "/api/accounts/operations/candidates";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NameHashBackfill backfill;

    static String admin() {
        return TestServers.issuer().operatorToken("admin-" + UUID.randomUUID(), DemoBureaus.SD, Map.of(),
                "bureau-admin");
    }

    static String as(String bureau, String role, Map<String, Object> attributes) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, attributes, role);
    }

    @Test
    void anAdministratorFindsACandidateByIdNumberPhoneNameAndAdmissionNumberMasked() {
        String name = uniqueName();
        var account = create(DemoBureaus.SD, name, null);
        String number = "A" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        accounts.assignAdmissionNumber(account.id(), number);
        String admin = admin();

        for (String[] search : List.of(new String[] { "ID_NUMBER", account.idNumber().toLowerCase() },
                new String[] { "PHONE", account.phone() }, new String[] { "NAME", " " + name + " " },
                new String[] { "ADMISSION_NUMBER", number })) {
            var found = get(DemoBureaus.SD, search(search[0], search[1]), admin);
            assertThat(found.status()).as(search[0] + found.body()).isEqualTo(200);
            assertThat(found.json().path("total").asLong()).as(search[0]).isEqualTo(1);
            var item = found.json().path("items").get(0);
            assertThat(item.path("candidateId").asString()).isEqualTo(account.id().toString());
            assertThat(item.path("maskedIdNumber").asString()).isEqualTo(
                    account.idNumber().substring(0, 2) + "*".repeat(14) + account.idNumber().substring(16));
            assertThat(item.path("maskedPhone").asString()).startsWith(account.phone().substring(0, 3) + "****");
            assertThat(found.body()).doesNotContain(account.idNumber()).doesNotContain(account.phone())
                    .doesNotContain(name);
        }
        assertThat(get(DemoBureaus.SD, search("PHONE", TestAccounts.randomPhone()), admin).json().path("total")
                .asLong()).isZero();
        var bad = get(DemoBureaus.SD, search("ID_NUMBER", "12345"), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(get(DemoBureaus.SD, search("EMAIL", "x"), admin).problemCode()).isEqualTo("SEARCH_BY_INVALID");
        assertThat(get(DemoBureaus.SD, search("PHONE", account.phone()) + "&size=101", admin).status())
                .isEqualTo(400);

        var detail = get(DemoBureaus.SD, BASE + "/" + account.id(), admin);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("maskedName").asString()).isEqualTo(name.charAt(0) + "*".repeat(name.length() - 1));
        assertThat(detail.json().path("admissionNumber").asString()).isEqualTo(number);
        assertThat(detail.body()).doesNotContain(account.idNumber()).doesNotContain(account.phone())
                .doesNotContain(name);
    }

    @Test
    void olderAccountsGetTheirNameHashAndAreFoundByName() {
        String name = uniqueName();
        var account = create(DemoBureaus.SD, name, null);
        jdbc.sql("update candidate_account set name_hash = null where id = ?").param(account.id()).update();
        assertThat(get(DemoBureaus.SD, search("NAME", name), admin()).json().path("total").asLong()).isZero();

        backfill.run();

        assertThat(get(DemoBureaus.SD, search("NAME", name), admin()).json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void rolesOutsideTheDeskAreRefusedAndAuditorsReadButNeitherRevealNorChange() {
        var account = create(DemoBureaus.SD, uniqueName(), null);
        String finance = as(DemoBureaus.SD, "finance", Map.of());
        assertThat(get(DemoBureaus.SD, search("PHONE", account.phone()), finance).status()).isEqualTo(403);
        assertThat(get(DemoBureaus.SD, BASE + "/" + account.id(), finance).status()).isEqualTo(403);
        assertThat(post(DemoBureaus.SD, BASE + "/" + account.id() + "/reveal", reason("查询"), finance).status())
                .isEqualTo(403);

        String auditor = as(DemoBureaus.SD, "auditor", Map.of());
        assertThat(get(DemoBureaus.SD, search("PHONE", account.phone()), auditor).json().path("total").asLong())
                .isEqualTo(1);
        assertThat(get(DemoBureaus.SD, BASE + "/" + account.id(), auditor).status()).isEqualTo(200);
        for (String change : List.of("/reveal", "/unlock", "/password-reset-sms")) {
            var refused = post(DemoBureaus.SD, BASE + "/" + account.id() + change, reason("审计"), auditor);
            assertThat(refused.status()).as(change).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        }
        assertThat(auditEvents(account.id())).isEmpty();
    }

    @Test
    void anotherBureausOperatorFindsNothing() {
        var account = create(DemoBureaus.SD, uniqueName(), null);
        String shanghai = as(DemoBureaus.SH, "bureau-admin", Map.of());
        // their own bureau's address: the Shandong candidate is not there
        assertThat(get(DemoBureaus.SH, search("PHONE", account.phone()), shanghai).json().path("total").asLong())
                .isZero();
        assertThat(get(DemoBureaus.SH, BASE + "/" + account.id(), shanghai).status()).isEqualTo(404);
        assertThat(post(DemoBureaus.SH, BASE + "/" + account.id() + "/reveal", reason("查询"), shanghai).status())
                .isEqualTo(404);
        // Shandong's address with a Shanghai token: refused before any endpoint
        assertThat(get(DemoBureaus.SD, BASE + "/" + account.id(), shanghai).status()).isEqualTo(404);
        assertThat(auditEvents(account.id())).isEmpty();
    }

    @Test
    void aCityOperatorSeesOnlyCandidatesWhoseExamLocationIsTheirCity() {
        var jinan = create(DemoBureaus.SD, uniqueName(), null);
        var qingdao = create(DemoBureaus.SD, uniqueName(), null);
        confirm(jinan.id(), "3701");
        confirm(qingdao.id(), "3702");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from candidate_exam_city where candidate_id in (?, ?)")
                .params(jinan.id(), qingdao.id()).query(Long.class).single() == 2);
        String city = as(DemoBureaus.SD, "city-operator", Map.of("city", "3701"));

        assertThat(get(DemoBureaus.SD, search("PHONE", jinan.phone()), city).json().path("total").asLong())
                .isEqualTo(1);
        assertThat(get(DemoBureaus.SD, search("PHONE", qingdao.phone()), city).json().path("total").asLong())
                .isZero();
        var detail = get(DemoBureaus.SD, BASE + "/" + jinan.id(), city);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("examCities").toString()).contains("3701");
        for (String path : List.of("", "/reveal", "/unlock", "/password-reset-sms")) {
            var outside = path.isEmpty() ? get(DemoBureaus.SD, BASE + "/" + qingdao.id(), city)
                    : post(DemoBureaus.SD, BASE + "/" + qingdao.id() + path, reason("核对"), city);
            assertThat(outside.status()).as("outside the city: " + path).isEqualTo(404);
            assertThat(outside.problemCode()).isEqualTo("NOT_FOUND");
        }
        assertThat(auditEvents(qingdao.id())).isEmpty();
        var revealed = post(DemoBureaus.SD, BASE + "/" + jinan.id() + "/reveal", reason("考生来电"), city);
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().path("phone").asString()).isEqualTo(jinan.phone());
    }

    @Test
    void aUniversityReviewerSeesOnlyTheirUniversitysCandidates() {
        var registered = create(DemoBureaus.SH, uniqueName(), "10246");
        var added = create(DemoBureaus.SH, uniqueName(), "10268");
        var other = create(DemoBureaus.SH, uniqueName(), "10268");
        KafkaEvents.ofTestServers().publish(new UniversityRegistrationAdded(added.id(), DemoBureaus.SH,
                DemoBureaus.SH_EXAM, "10246", "C050201", false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from candidate_added_university where candidate_id = ?").param(added.id())
                .query(Long.class).single() == 1);
        String fudan = as(DemoBureaus.SH, "university-reviewer", Map.of("university", "10246"));

        assertThat(get(DemoBureaus.SH, BASE + "/" + registered.id(), fudan).status()).isEqualTo(200);
        assertThat(get(DemoBureaus.SH, BASE + "/" + added.id(), fudan).status()).isEqualTo(200);
        assertThat(get(DemoBureaus.SH, BASE + "/" + other.id(), fudan).status()).isEqualTo(404);
        assertThat(get(DemoBureaus.SH, search("PHONE", other.phone()), fudan).json().path("total").asLong()).isZero();
        assertThat(get(DemoBureaus.SH, search("PHONE", added.phone()), fudan).json().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void aRevealNeedsAReasonAndIsAuditedBeforeTheValuesLeave() {
        String name = uniqueName();
        var account = create(DemoBureaus.SD, name, null);
        String admin = admin();
        String path = BASE + "/" + account.id() + "/reveal";

        var noReason = post(DemoBureaus.SD, path, "{}", admin);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemCode()).isEqualTo("REASON_REQUIRED");
        assertThat(post(DemoBureaus.SD, path, reason("   "), admin).status()).isEqualTo(400);
        assertThat(post(DemoBureaus.SD, path, reason("长".repeat(201)), admin).problemCode())
                .isEqualTo("REASON_TOO_LONG");
        assertThat(auditEvents(account.id())).isEmpty();

        var revealed = post(DemoBureaus.SD, path, reason("考生来电咨询报名问题"), admin);
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().path("idNumber").asString()).isEqualTo(account.idNumber());
        assertThat(revealed.json().path("phone").asString()).isEqualTo(account.phone());
        assertThat(revealed.json().path("name").asString()).isEqualTo(name);

        List<String> events = auditEvents(account.id());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).contains("\"action\":\"candidate.reveal\"").contains("考生来电咨询报名问题")
                .contains("\"subjectType\":\"candidate\"").contains("\"bureau\":\"sd\"")
                .doesNotContain(account.idNumber()).doesNotContain(account.phone()).doesNotContain(name);
        assertThat(post(DemoBureaus.SD, BASE + "/" + UUID.randomUUID() + "/reveal", reason("x"), admin).status())
                .isEqualTo(404);
    }

    @Test
    void anAdministratorUnlocksALockedAccountAndTheUnlockIsAudited() {
        var account = create(DemoBureaus.SD, uniqueName(), null);
        String admin = admin();
        String path = BASE + "/" + account.id() + "/unlock";
        var notLocked = post(DemoBureaus.SD, path, "{}", admin);
        assertThat(notLocked.status()).isEqualTo(409);
        assertThat(notLocked.problemCode()).isEqualTo("ACCOUNT_NOT_LOCKED");

        accounts.recordFailedLogin(account.id(), 1, Instant.now().plusSeconds(1800));
        assertThat(get(DemoBureaus.SD, BASE + "/" + account.id(), admin).json().path("locked").asBoolean()).isTrue();

        assertThat(post(DemoBureaus.SD, path, reason("考生忘记密码多次输错"), admin).status()).isEqualTo(204);

        var after = accounts.findById(account.id()).orElseThrow();
        assertThat(after.isLockedAt(Instant.now())).isFalse();
        assertThat(after.failedLogins()).isZero();
        List<String> events = auditEvents(account.id());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).contains("\"action\":\"candidate.unlock\"").contains("考生忘记密码多次输错");
    }

    @Test
    void anAdministratorSendsThePasswordResetCodeAndTheSendingIsAudited() {
        var account = create(DemoBureaus.SD, uniqueName(), null);
        var sent = post(DemoBureaus.SD, BASE + "/" + account.id() + "/password-reset-sms", "{}", admin());
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().path("maskedPhone").asString()).doesNotContain(account.phone());

        var sms = SentCodes.latestRequestFor(account.phone());
        assertThat(sms.params().get("code")).matches("[0-9]{6}");
        assertThat(jdbc.sql("""
                select count(*) from sms_code where purpose = 'RESET_PASSWORD' and bureau_code = 'sd'
                and used_at is null and phone_hash = ?""").param(accounts.lookupHash(account.phone()))
                .query(Long.class).single()).isEqualTo(1);
        List<String> events = auditEvents(account.id());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).contains("\"action\":\"candidate.password-reset\"")
                .doesNotContain(account.phone());
    }

    /** The OperatorActed events about the candidate in the outbox (topic operator.actions). */
    private List<String> auditEvents(UUID candidateId) {
        return jdbc.sql("select envelope from messaging.outbox where topic = 'operator.actions' and envelope like ?")
                .param("%" + candidateId + "%").query(String.class).list();
    }

    private void confirm(UUID candidateId, String city) {
        KafkaEvents.ofTestServers().publish(new EnrollmentConfirmed(UUID.randomUUID(), candidateId,
                DemoBureaus.SD_EXAM, city, List.of(), Instant.now(), "UNIFIED", null, null, null, null, null, null,
                DemoBureaus.SD));
    }

    private TestAccounts.Made create(String bureau, String name, String university) {
        String idNumber = TestAccounts.randomIdNumber();
        String phone = TestAccounts.randomPhone();
        UUID id = UUID.randomUUID();
        String exam = DemoBureaus.SH.equals(bureau) ? DemoBureaus.SH_EXAM : DemoBureaus.SD_EXAM;
        assertThat(accounts.create(id, new Accounts.NewAccount(bureau, exam,
                IdDocument.parse(IdType.RESIDENT_ID, idNumber), name, phone, encoder.encode(TestAccounts.PASSWORD),
                null, "2023-1", "2023-1", Instant.now(), false, true, university,
                university == null ? null : "C050201"))).isTrue();
        return new TestAccounts.Made(id, idNumber, phone);
    }

    /** A name no other test's account has: 张 + three random 汉字. */
    private static String uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("张");
        for (int i = 0; i < 3; i++) {
            name.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
        }
        return name.toString();
    }

    private static String search(String by, String q) {
        return BASE + "?by=" + by + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    private HttpProbe.Answer get(String bureau, String path, String token) {
        return ClientCalls.getAt(bureau, port, path, token);
    }

    private HttpProbe.Answer post(String bureau, String path, String json, String token) {
        return ClientCalls.postTo(bureau, port, path, json, token);
    }
}
