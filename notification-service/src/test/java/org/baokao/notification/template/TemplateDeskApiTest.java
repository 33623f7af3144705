package org.baokao.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3 消息模板 through the API: a bureau's administrators word its SMS and mail, each save a new version that the
 * next message uses; auditors read; other roles are refused (403) and another bureau's operators find nothing (404);
 * every save is audited ({@code template.update} on {@code operator.actions}).
 */
@NotificationServiceTest
class TemplateDeskApiTest {

    private static final String SMS = "/api/notifications/operations/templates/sms";
    private static final String MAIL = "/api/notifications/operations/templates/mail";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String CODE_TEXT = "您的验证码为{code}，{minutes}分钟内有效。请勿将验证码告诉他人。";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;

    private final String adminSd = TestServers.issuer().operatorToken("admin-sd", "sd", Map.of(), "bureau-admin");
    private final String adminSh = TestServers.issuer().operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");
    private final String auditorSd = TestServers.issuer().operatorToken("auditor-sd", "sd", Map.of(), "auditor");

    /** The outbox rows before this test: the audit checks look at what the test itself wrote. */
    private long outboxBefore;

    @BeforeEach
    void noteTheOutbox() {
        outboxBefore = jdbc.sql("select coalesce(max(id), 0) from messaging.outbox").query(Long.class).single();
    }

    /** The module's tests share one database: the platform's wording is back for the next test class. */
    @AfterEach
    void forgetTheSavedVersions() {
        jdbc.sql("delete from template_version").update();
    }

    @Test
    void anAdministratorSeesTheBureausTemplatesWithWhatMayBeWrittenInThem() {
        Answer listed = get(SMS, adminSd, "sd");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode code = item(listed, "VERIFICATION_CODE");
        assertThat(code.path("title").asString()).isEqualTo("短信验证码");
        assertThat(code.path("content").asString()).isEqualTo(CODE_TEXT);
        assertThat(code.path("source").asString()).isEqualTo("PLATFORM");
        assertThat(code.path("version").asInt()).isZero();
        assertThat(code.path("placeholders").valueStream().map(p -> p.path("name").asString()))
                .containsExactly("code", "minutes");
        assertThat(listed.json().path("total").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(listed.json().path("items").get(0).path("code").asString()).as("the catalogue's order")
                .isEqualTo("VERIFICATION_CODE");
        assertThat(listed.json().path("items").valueStream().map(t -> t.path("content").asString()))
                .as("BUR-1: the platform's texts are unsigned").allSatisfy(text -> assertThat(text).doesNotContain("【"));

        Answer mails = get(MAIL, auditorSd, "sd");
        assertThat(mails.status()).isEqualTo(200);
        assertThat(item(mails, "PASSWORD_RESET_CODE").path("subject").asString()).isEqualTo("{bureauName}：找回密码验证码");
    }

    @Test
    void thePreviewFillsTheSamplesBehindTheBureausSignatureAndRefusesWhatASaveWould() {
        Answer preview = post(SMS + "/VERIFICATION_CODE/preview", adminSd, "sd",
                "{\"content\":\"验证码{code}，{minutes}分钟内有效。\"}");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("content").asString()).isEqualTo("【山东省教育招生考试院】验证码123456，5分钟内有效。");
        assertThat(preview.json().path("length").asInt()).isEqualTo(29);
        assertThat(preview.json().path("segments").asInt()).isEqualTo(1);

        Answer unknown = post(SMS + "/VERIFICATION_CODE/preview", adminSd, "sd", "{\"content\":\"{code}{name}\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemCode()).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
        assertThat(unknown.json().path("detail").asString()).contains("{name}").contains("{code}（验证码）");
        Answer missing = post(SMS + "/VERIFICATION_CODE/preview", adminSd, "sd", "{\"content\":\"验证码已发送\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemCode()).isEqualTo("TEMPLATE_PLACEHOLDER_MISSING");
        assertThat(post(SMS + "/NO_SUCH_TEMPLATE/preview", adminSd, "sd", "{\"content\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(get("/api/notifications/operations/templates/fax", adminSd, "sd").status()).isEqualTo(404);
    }

    @Test
    void eachSaveIsANewVersionWithWhoAndWhenAuditedAndTheNextSmsUsesIt() {
        String marker = "模板测试" + ThreadLocalRandom.current().nextInt(1000, 10000);
        Answer first = save(adminSd, "sd", "验证码{code}，" + marker + "甲。", 0, "改短一些");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(first.json().path("source").asString()).isEqualTo("VERSION");
        assertThat(first.json().path("updatedBy").asString()).isEqualTo("admin-sd");

        Answer second = save(adminSd, "sd", "验证码{code}，{minutes}分钟内有效。" + marker + "乙", 1, null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);

        // someone who still edits version 1 is told, not silently overwritten
        Answer stale = save(adminSd, "sd", "验证码{code}" + marker + "丙", 1, null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("TEMPLATE_CHANGED");

        Answer history = get(SMS + "/VERIFICATION_CODE/versions", auditorSd, "sd");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("total").asInt()).isEqualTo(2);
        List<JsonNode> versions = history.json().path("items").valueStream().toList();
        assertThat(versions).extracting(v -> v.path("version").asInt()).containsExactly(2, 1);
        assertThat(versions).extracting(v -> v.path("current").asBoolean()).containsExactly(true, false);
        assertThat(versions.get(1).path("note").asString()).isEqualTo("改短一些");
        assertThat(versions.get(1).path("createdBy").asString()).isEqualTo("admin-sd");
        assertThat(versions.get(1).path("createdAt").asString()).isNotBlank();

        assertThat(audits("template.update", "SMS:VERIFICATION_CODE")).extracting(a -> a.path("details").path("version")
                .asString()).containsExactlyInAnyOrder("1", "2");

        // the next code SMS of the bureau says what version 2 says
        String phone = "138" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        transactions.execute(status -> outbox.publish(new SmsRequested(UUID.randomUUID(), null, phone,
                "VERIFICATION_CODE", Map.of("code", "654321", "minutes", "5"), Instant.now(), "sd")));
        assertThat(awaitSms(phone)).isEqualTo("【山东省教育招生考试院】验证码654321，5分钟内有效。" + marker + "乙");
    }

    @Test
    void aMailTemplateIsVersionedWithItsSubject() {
        Answer saved = post(MAIL + "/PASSWORD_RESET_CODE/versions", adminSd, "sd",
                "{\"subject\":\"{bureauName}验证码\",\"content\":\"验证码{code}。\",\"baseVersion\":0}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("subject").asString()).isEqualTo("{bureauName}验证码");
        assertThat(saved.json().path("version").asInt()).isEqualTo(1);
        Answer noSubject = post(MAIL + "/PASSWORD_RESET_CODE/versions", adminSd, "sd",
                "{\"content\":\"验证码{code}。\",\"baseVersion\":1}");
        assertThat(noSubject.status()).isEqualTo(400);
        assertThat(noSubject.problemCode()).isEqualTo("TEMPLATE_SUBJECT_REQUIRED");
    }

    /** OPS-3: roles outside the desk get 403; auditors read but never save, and a refused save writes nothing. */
    @Test
    void onlyAdministratorsSaveAndOnlyAdministratorsAndAuditorsRead() {
        String city = TestServers.issuer().operatorToken("city-jinan", "sd", Map.of("city", "3701"), "city-operator");
        String finance = TestServers.issuer().operatorToken("finance-sd", "sd", Map.of(), "finance");
        String reviewer = TestServers.issuer().operatorToken("reviewer", "sd", Map.of("university", "10452"),
                "university-reviewer");

        for (String outsider : List.of(city, finance, reviewer)) {
            Answer listed = get(SMS, outsider, "sd");
            assertThat(listed.status()).isEqualTo(403);
            assertThat(listed.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
            assertThat(get(SMS + "/VERIFICATION_CODE/versions", outsider, "sd").status()).isEqualTo(403);
        }
        Answer byAuditor = save(auditorSd, "sd", "验证码{code}", 0, null);
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(save(city, "sd", "验证码{code}", 0, null).status()).isEqualTo(403);
        assertThat(get(SMS, TestServers.issuer().token("c-1", "candidate"), "sd").status()).isEqualTo(403);
        assertThat(HttpProbe.onLocalPort(port).get(SMS).status()).isEqualTo(401);
        assertThat(get(SMS + "/VERIFICATION_CODE/versions", adminSd, "sd").json().path("total").asInt()).isZero();
        assertThat(audits("template.update", "SMS:VERIFICATION_CODE")).isEmpty();
    }

    /** OPS-3: another bureau's administrator finds nothing at this bureau, and each bureau's versions are its own. */
    @Test
    void anotherBureausAdministratorFindsNothingAndEachBureauKeepsItsOwnWording() {
        Answer atSd = get(SMS, adminSh, "sd");
        assertThat(atSd.status()).isEqualTo(404);
        assertThat(save(adminSh, "sd", "验证码{code}", 0, null).status()).isEqualTo(404);

        assertThat(save(adminSd, "sd", "山东的验证码{code}", 0, null).status()).isEqualTo(200);

        JsonNode atSh = item(get(SMS, adminSh, "sh"), "VERIFICATION_CODE");
        assertThat(atSh.path("source").asString()).isNotEqualTo("VERSION");
        assertThat(atSh.path("content").asString()).doesNotContain("山东的验证码");
        assertThat(get(SMS + "/VERIFICATION_CODE/versions", adminSh, "sh").json().path("total").asInt()).isZero();
        Answer shSaved = save(adminSh, "sh", "上海的验证码{code}", 0, null);
        assertThat(shSaved.json().path("version").asInt()).as("sh numbers its own versions").isEqualTo(1);
        assertThat(item(get(SMS, adminSd, "sd"), "VERIFICATION_CODE").path("content").asString())
                .isEqualTo("山东的验证码{code}");
    }

    private Answer save(String token, String bureau, String content, int baseVersion, String note) {
        String body = "{\"content\":\"" + content + "\",\"baseVersion\":" + baseVersion
                + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        return post(SMS + "/VERIFICATION_CODE/versions", token, bureau, body);
    }

    private Answer get(String path, String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Baokao-Bureau", bureau).GET());
    }

    private Answer post(String path, String token, String bureau, String json) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header("Baokao-Bureau", bureau).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode item(Answer answer, String code) {
        return answer.json().path("items").valueStream().filter(t -> t.path("code").asString().equals(code))
                .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + answer.body()));
    }

    /** The OperatorActed payloads of {@code action} on {@code subjectId}, from the outbox. */
    private List<JsonNode> audits(String action, String subjectId) {
        return jdbc.sql("""
                select envelope from messaging.outbox where topic = 'operator.actions' and id > ?
                and envelope::jsonb -> 'payload' ->> 'action' = ?
                and envelope::jsonb -> 'payload' ->> 'subjectId' = ?""")
                .params(outboxBefore, action, subjectId).query(String.class).list().stream()
                .map(envelope -> JSON.readTree(envelope).path("payload"))
                .toList();
    }

    private String awaitSms(String phone) {
        HttpProbe sandbox = HttpProbe.at(TestServers.sandboxUrl());
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            JsonNode messages = sandbox.get("/sandbox/sms/api/messages?phone=" + phone).json();
            if (!messages.isEmpty()) {
                return messages.get(0).path("content").asString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no SMS to the phone within 20 s");
    }
}
