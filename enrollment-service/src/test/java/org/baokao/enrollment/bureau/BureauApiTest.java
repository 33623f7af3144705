package org.baokao.enrollment.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.baokao.enrollment.bureau.BureauDrafts.getAt;
import static org.baokao.enrollment.bureau.BureauDrafts.json;
import static org.baokao.enrollment.bureau.BureauDrafts.newCode;
import static org.baokao.enrollment.bureau.BureauDrafts.put;
import static org.baokao.enrollment.bureau.BureauDrafts.valid;
import static org.baokao.enrollment.bureau.BureauDrafts.with;
import static org.baokao.enrollment.bureau.BureauDrafts.withText;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.baokao.enrollment.bureau.BureauDraft.PasswordDraft;
import org.baokao.enrollment.bureau.BureauDraft.TextDraft;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
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
 * BUR-1 bureaus through the operator API (create or replace, read, list), the public API the web reads (the list,
 * the addressed bureau, its texts) and the BureauConfigured events other services keep, against real PostgreSQL
 * and Kafka. Each test configures a bureau of its own code.
 */
@ServiceTest
class BureauApiTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String operator = TestServers.issuer().token("op-bureau", "operator", "bureau-admin");
    String code = newCode();

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    @Test
    @DisplayName("OPS-3: a bureau's administrator configures their own bureau only (another's is 404), finance and "
            + "auditors may not (403), and each configuration is audited")
    void onlyTheBureausOwnAdministratorConfiguresIt() {
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);
        String own = TestServers.issuer().operatorToken("admin-" + code, code, java.util.Map.of(), "bureau-admin");
        String other = TestServers.issuer().operatorToken("admin-sh", "sh", java.util.Map.of(), "bureau-admin");

        assertThat(putAt(other, "sh", json(valid(code))).status()).as("Shanghai's administrator").isEqualTo(404);
        assertThat(putAt(TestServers.issuer().operatorToken("fin", code, java.util.Map.of(), "finance"), code,
                json(valid(code))).status()).isEqualTo(403);
        assertThat(putAt(TestServers.issuer().operatorToken("aud", code, java.util.Map.of(), "auditor"), code,
                json(valid(code))).status()).isEqualTo(403);
        Answer replaced = putAt(own, code, json(valid(code)));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from messaging.outbox where topic = 'operator.actions' and envelope like ?"
                + " and envelope like '%bureau.configure%'").param("%\"subjectId\":\"" + code + "\"%")
                .query(Long.class).single()).as("the automation account's creation and the administrator's change")
                .isEqualTo(2);
    }

    private Answer putAt(String token, String addressed, String json) {
        return http.send(http.request("/api/enrollments/operations/bureaus/" + code)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, addressed).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    @DisplayName("BUR-1: an operator creates a bureau (201), reads it back whole, finds it listed; who and when are recorded")
    void anOperatorCreatesABureauAndReadsItBack() {
        Instant before = Instant.now();
        Answer created = put(http, operator, code, json(valid(code)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/enrollments/operations/bureaus/" + code));
        JsonNode bureau = created.json();
        assertThat(bureau.path("code").asString()).isEqualTo(code);
        assertThat(bureau.path("name").asString()).isEqualTo("测试省教育考试院");
        assertThat(bureau.path("registrationGate").asString()).isEqualTo("ROSTER");
        assertThat(bureau.path("password").path("minLength").asInt()).isEqualTo(8);
        assertThat(bureau.path("password").path("requiredClasses").asInt()).isEqualTo(4);
        assertThat(bureau.path("smsSignature").asString()).isEqualTo("【测试省教育考试院】");
        assertThat(bureau.path("smsTemplates").path("PAYMENT_SUCCEEDED").asString()).isEqualTo("您已成功缴纳{examName}报名费{amount}元。");
        assertThat(bureau.path("paymentRules").get(0).path("regionCode").asString()).isEqualTo("370200");
        assertThat(bureau.path("paymentRules").get(0).path("channel").asString()).isEqualTo("UNIONPAY");
        assertThat(bureau.path("texts").valueStream().map(t -> t.path("kind").asString()))
                .containsExactly("candidate-notice", "privacy-policy", "service-agreement");
        assertThat(bureau.path("texts").get(0).path("text").asString()).isEqualTo("第一段须知。\n\n第二段须知。");
        assertThat(bureau.path("textVersions").size()).isEqualTo(3);
        assertThat(bureau.path("configuredBy").asString()).isEqualTo("op-bureau");
        assertThat(Instant.parse(bureau.path("configuredAt").asString())).isBetween(before.minusSeconds(1), Instant.now());

        Answer read = http.get("/api/enrollments/operations/bureaus/" + code, operator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(bureau);

        JsonNode listed = find(http.get("/api/enrollments/operations/bureaus", operator).json(), code);
        assertThat(listed.path("configuredBy").asString()).isEqualTo("op-bureau");
        assertThat(listed.has("texts")).as("the list leaves texts out").isFalse();
        assertThat(jdbc.sql("select configured_by from bureau where code = ?").param(code).query(String.class).single())
                .isEqualTo("op-bureau");
    }

    @Test
    @DisplayName("BUR-1: replacing a bureau answers 200 and records the operator who replaced it")
    void replacingABureauIsA200ByItsOperator() {
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);

        Answer replaced = put(http, TestServers.issuer().token("op-other", "operator", "bureau-admin"), code, json(with(valid(code), b -> {
            b.hotline = "0531-11111111";
            b.password = new PasswordDraft(6, 16, 1);
            return b;
        })));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.header("Location")).isEmpty();
        assertThat(replaced.json().path("hotline").asString()).isEqualTo("0531-11111111");
        assertThat(replaced.json().path("password").path("minLength").asInt()).isEqualTo(6);
        assertThat(replaced.json().path("configuredBy").asString()).isEqualTo("op-other");
        assertThat(replaced.json().path("textVersions").size()).as("same texts, no new versions").isEqualTo(3);
    }

    @Test
    @DisplayName("BUR-1: the web lists the bureaus by code, code and names only, without logging in")
    void thePublicListOfBureaus() {
        String later = "zz" + code.substring(2);
        assertThat(put(http, operator, later, json(valid(later))).status()).isEqualTo(201);
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);

        Answer answer = http.get("/api/enrollments/public/bureaus");

        assertThat(answer.status()).isEqualTo(200);
        List<String> codes = answer.json().valueStream().map(b -> b.path("code").asString()).toList();
        assertThat(codes).isSorted().contains(code, later);
        JsonNode mine = find(answer.json(), code);
        assertThat(fields(mine)).containsExactly("code", "name", "shortName");
        assertThat(mine.path("name").asString()).isEqualTo("测试省教育考试院");
        assertThat(mine.path("shortName").asString()).isEqualTo("测试考试院");
    }

    @Test
    @DisplayName("BUR-1: the addressed bureau in the fixed shape; the registration exam's name once that exam exists")
    void theAddressedBureau() {
        String examCode = "T-" + code.toUpperCase();
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);

        Answer answer = getAt(http, code, "/api/enrollments/public/bureau");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode bureau = answer.json();
        assertThat(fields(bureau)).containsExactly("code", "name", "shortName", "hotline", "serviceHours", "icp",
                "registrationGate", "password", "loginNeedsSms", "registrationExamCode", "registrationExamName", "texts");
        assertThat(bureau.path("code").asString()).isEqualTo(code);
        assertThat(bureau.path("hotline").asString()).isEqualTo("0531-00000000");
        assertThat(bureau.path("serviceHours").asString()).isEqualTo("工作日 9:00-17:00");
        assertThat(bureau.path("icp").asString()).isEqualTo("鲁ICP备00000000号");
        assertThat(bureau.path("registrationGate").asString()).isEqualTo("ROSTER");
        assertThat(fields(bureau.path("password"))).containsExactly("minLength", "maxLength", "requiredClasses");
        assertThat(bureau.path("password").path("maxLength").asInt()).isEqualTo(16);
        assertThat(bureau.path("loginNeedsSms").asBoolean()).isTrue();
        assertThat(bureau.path("registrationExamCode").asString()).isEqualTo(examCode);
        assertThat(bureau.path("registrationExamName").isNull()).as("not configured yet").isTrue();
        assertThat(bureau.path("texts").get(1).path("kind").asString()).isEqualTo("privacy-policy");
        assertThat(fields(bureau.path("texts").get(1))).containsExactly("kind", "title", "version");
        assertThat(bureau.path("texts").get(1).path("title").asString()).isEqualTo("隐私政策");
        assertThat(bureau.path("texts").get(1).path("version").asString()).isEqualTo("v1");

        Answer exam = ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.with(ExamDrafts.valid(examCode), b -> {
            b.name = "2027年测试考试";
            b.bureau = code;
            return b;
        })));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
        assertThat(getAt(http, code, "/api/enrollments/public/bureau").json().path("registrationExamName").asString())
                .isEqualTo("2027年测试考试");
    }

    @Test
    @DisplayName("BUR-1: an unprefixed call addresses the default bureau sd")
    void anUnprefixedCallAddressesTheDefaultBureau() {
        BureauDrafts.ensure(http);

        Answer answer = http.get("/api/enrollments/public/bureau");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("code").asString()).isEqualTo("sd");
    }

    @Test
    @DisplayName("BUR-1: an address no bureau has is 404 BUREAU_NOT_FOUND, for the bureau, its texts and operators")
    void anUnknownBureauIsNotFound() {
        for (String address : List.of(code, "SD1")) {
            Answer bureau = getAt(http, address, "/api/enrollments/public/bureau");
            assertThat(bureau.status()).isEqualTo(404);
            assertThat(bureau.contentType()).startsWith("application/problem+json");
            assertThat(bureau.problemCode()).isEqualTo("BUREAU_NOT_FOUND");
            assertThat(bureau.json().path("detail").asString()).isEqualTo("该考试院不存在，请从报名首页选择考试院");
            assertThat(getAt(http, address, "/api/enrollments/public/bureau/texts/candidate-notice").problemCode())
                    .isEqualTo("BUREAU_NOT_FOUND");
        }
        Answer operatorRead = http.get("/api/enrollments/operations/bureaus/" + code, operator);
        assertThat(operatorRead.status()).isEqualTo(404);
        assertThat(operatorRead.problemCode()).isEqualTo("BUREAU_NOT_FOUND");
    }

    @Test
    @DisplayName("BUR-1: a bureau's texts: the current one whole, an unknown or unpublished kind 404 TEXT_NOT_FOUND")
    void theTextsOfTheAddressedBureau() {
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);

        Answer notice = getAt(http, code, "/api/enrollments/public/bureau/texts/candidate-notice");

        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(fields(notice.json())).containsExactly("kind", "title", "version", "text");
        assertThat(notice.json().path("kind").asString()).isEqualTo("candidate-notice");
        assertThat(notice.json().path("title").asString()).isEqualTo("考生须知");
        assertThat(notice.json().path("version").asString()).isEqualTo("v1");
        assertThat(notice.json().path("text").asString()).isEqualTo("第一段须知。\n\n第二段须知。");
        for (String missing : List.of("integrity-pledge", "notice", "CANDIDATE_NOTICE")) {
            Answer answer = getAt(http, code, "/api/enrollments/public/bureau/texts/" + missing);
            assertThat(answer.status()).as(missing).isEqualTo(404);
            assertThat(answer.problemCode()).isEqualTo("TEXT_NOT_FOUND");
            assertThat(answer.json().path("detail").asString()).isEqualTo("该考试院没有发布此文本");
        }
        assertThat(getAt(http, code, "/api/enrollments/public/bureau/texts/candidate-notice?version=v9").problemCode())
                .isEqualTo("TEXT_NOT_FOUND");
    }

    @Test
    @DisplayName("Seed 000 §1.2: the login page's texts (各市招生考试机构联系方式, 建档立卡家庭考生专升本计划, 操作手册) are optional, "
            + "published and listed like the others")
    void theLoginPagesTextsArePublishedLikeTheOthers() {
        assertThat(put(http, operator, code, json(with(valid(code), b -> {
            b.texts = withText(withText(withText(b.texts,
                    new TextDraft("city-contacts", null, "v1", "济南市：……\n\n青岛市：……")),
                    new TextDraft("poverty-relief-plan", null, "v1", "计划说明。")),
                    new TextDraft("user-manual", "报名操作手册", "v1", "一、注册登录。"));
            return b;
        }))).status()).isEqualTo(201);

        assertThat(getAt(http, code, "/api/enrollments/public/bureau").json().path("texts").findValuesAsString("kind"))
                .contains("city-contacts", "poverty-relief-plan", "user-manual");
        Answer contacts = getAt(http, code, "/api/enrollments/public/bureau/texts/city-contacts");
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        assertThat(contacts.json().path("title").asString()).isEqualTo("各市招生考试机构联系方式");
        assertThat(contacts.json().path("text").asString()).isEqualTo("济南市：……\n\n青岛市：……");
        assertThat(getAt(http, code, "/api/enrollments/public/bureau/texts/user-manual").json().path("title")
                .asString()).isEqualTo("报名操作手册");
        assertThat(getAt(http, code, "/api/enrollments/public/bureau/texts/poverty-relief-plan").json().path("title")
                .asString()).isEqualTo("建档立卡家庭考生专升本计划");
    }

    @Test
    @DisplayName("BUR-1: a changed text needs a new version (409 TEXT_VERSION_REQUIRED); every version stays readable")
    void textsAreVersioned() {
        assertThat(put(http, operator, code, json(valid(code))).status()).isEqualTo(201);
        BureauDraft changedUnderV1 = with(valid(code), b -> {
            b.hotline = "0531-22222222";
            b.texts = withText(b.texts, new TextDraft("privacy-policy", null, "v1", "隐私政策正文（修订）。"));
            return b;
        });

        Answer refused = put(http, operator, code, json(changedUnderV1));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("TEXT_VERSION_REQUIRED");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("《隐私政策》的版本v1已发布，内容不能再修改：请为修改后的内容填写新的版本号");
        assertThat(http.get("/api/enrollments/operations/bureaus/" + code, operator).json().path("hotline").asString())
                .as("nothing of a refused configuration is stored").isEqualTo("0531-00000000");
        assertThat(texts(code)).containsExactly("candidate-notice v1", "privacy-policy v1", "service-agreement v1");

        Answer revised = put(http, operator, code, json(with(changedUnderV1, b -> {
            b.texts = withText(b.texts, new TextDraft("privacy-policy", null, "v2", "隐私政策正文（修订）。"));
            return b;
        })));

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(texts(code)).containsExactly("candidate-notice v1", "privacy-policy v1", "privacy-policy v2",
                "service-agreement v1");
        assertThat(jdbc.sql("select text from bureau_text where bureau = ? and kind = 'privacy-policy' and version = 'v1'")
                .param(code).query(String.class).single()).as("the old version's row, unchanged").isEqualTo("隐私政策正文。");
        assertThat(revised.json().path("textVersions").size()).isEqualTo(4);
        JsonNode current = getAt(http, code, "/api/enrollments/public/bureau/texts/privacy-policy").json();
        assertThat(current.path("version").asString()).isEqualTo("v2");
        assertThat(current.path("text").asString()).isEqualTo("隐私政策正文（修订）。");
        JsonNode old = getAt(http, code, "/api/enrollments/public/bureau/texts/privacy-policy?version=v1").json();
        assertThat(old.path("version").asString()).isEqualTo("v1");
        assertThat(old.path("text").asString()).as("what a candidate consented to stays readable").isEqualTo("隐私政策正文。");
        assertThat(getAt(http, code, "/api/enrollments/public/bureau").json().path("texts").get(1).path("version")
                .asString()).isEqualTo("v2");
    }

    @Test
    @DisplayName("BUR-1: a broken rule is a 400 problem with its code and Chinese detail; nothing is stored")
    void aBrokenRuleIsRefusedWhole() {
        Answer refused = put(http, operator, code, json(with(valid(code), b -> {
            b.password = new PasswordDraft(4, 16, 1);
            return b;
        })));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("PASSWORD_MIN_LENGTH_TOO_SHORT");
        assertThat(refused.json().path("detail").asString()).isEqualTo("密码最短长度不能少于6位");
        assertThat(bureaus(code)).isZero();

        Answer mismatch = put(http, operator, code, json(valid("zz" + code.substring(2))));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.problemCode()).isEqualTo("BUREAU_CODE_MISMATCH");
        Answer badCode = put(http, operator, "SD", json(with(valid(code), b -> {
            b.code = null;
            return b;
        })));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.problemCode()).isEqualTo("BUREAU_CODE_INVALID");
        Answer notJson = put(http, operator, code, "{\"name\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problemCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(bureaus(code)).isZero();
    }

    @Test
    @DisplayName("BUR-1: the registration exam cannot be another bureau's")
    void theRegistrationExamCannotBeAnotherBureaus() {
        String sdExam = "T-SD-" + code.toUpperCase();
        assertThat(ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.valid(sdExam))).status()).isEqualTo(201);

        Answer refused = put(http, operator, code, json(with(valid(code), b -> {
            b.registrationExamCode = sdExam;
            return b;
        })));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("REGISTRATION_EXAM_OF_OTHER_BUREAU");
        assertThat(refused.json().path("detail").asString()).isEqualTo("注册考试" + sdExam + "属于其他考试院，请填写本考试院的考试");
        assertThat(bureaus(code)).isZero();
    }

    @Test
    @DisplayName("BUR-1: only operators configure bureaus: a candidate's token is 403, none is 401")
    void onlyOperatorsConfigureBureaus() {
        String candidate = TestServers.issuer().token("8f0c0a7a-3f16-4b92-9c0c-0a7a3f161b92", "candidate");

        Answer byCandidate = put(http, candidate, code, json(valid(code)));
        assertThat(byCandidate.status()).as(byCandidate.body()).isEqualTo(403);
        assertThat(byCandidate.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/enrollments/operations/bureaus", candidate).status()).isEqualTo(403);
        assertThat(http.get("/api/enrollments/operations/bureaus/sd", candidate).status()).isEqualTo(403);
        assertThat(put(http, TestServers.issuer().token("partner-1", "partner"), code, json(valid(code))).status())
                .isEqualTo(403);
        Answer anonymous = http.send(http.request("/api/enrollments/operations/bureaus/" + code)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json(valid(code)))));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(bureaus(code)).isZero();
    }

    /**
     * BUR-1: every stored configuration is published whole as BureauConfigured, keyed by the bureau's code, the
     * instant of the save; a refused one publishes nothing.
     */
    @Test
    @DisplayName("BUR-1: each stored configuration publishes BureauConfigured with its content; a refused one nothing")
    void eachStoredConfigurationIsPublished() {
        assertThat(put(http, operator, code, json(with(valid(code), b -> {
            b.texts = withText(b.texts, new TextDraft("integrity-pledge", null, "2026-09", "本人承诺……"));
            return b;
        }))).status()).isEqualTo(201);
        Instant created = configuredAt();
        assertThat(put(http, operator, code, json(with(valid(code), b -> {
            b.password = new PasswordDraft(2, 16, 1);
            return b;
        }))).status()).isEqualTo(400);
        BureauDraft shanghaiLike = with(valid(code), b -> {
            b.registrationGate = "OPEN";
            b.password = new PasswordDraft(6, 16, 1);
            b.loginNeedsSms = false;
            b.smsSignature = "【测试市教育考试院】";
            b.smsTemplates = Map.of();
            b.paymentRules = List.of(new BureauDraft.PaymentRuleDraft("310000", "PUBLIC_PAYMENT_PLATFORM"));
            b.texts = withText(b.texts, new TextDraft("privacy-policy", null, "v2", "隐私政策正文（修订）。"));
            return b;
        });
        assertThat(put(http, operator, code, json(shanghaiLike)).status()).isEqualTo(200);
        Instant replaced = configuredAt();

        List<BureauConfigured> events = EVENTS.matching(BureauConfigured.class, e -> e.code().equals(code), 2);

        assertThat(events).hasSize(2);
        BureauConfigured first = events.get(0);
        assertThat(first.aggregateId()).isEqualTo(code);
        assertThat(first.name()).isEqualTo("测试省教育考试院");
        assertThat(first.shortName()).isEqualTo("测试考试院");
        assertThat(first.registrationExamCode()).isEqualTo("T-" + code.toUpperCase());
        assertThat(first.registrationGate()).isEqualTo("ROSTER");
        assertThat(first.password()).isEqualTo(new BureauConfigured.PasswordRule(8, 16, 4));
        assertThat(first.loginNeedsSms()).isTrue();
        assertThat(first.privacyPolicyVersion()).isEqualTo("v1");
        assertThat(first.serviceAgreementVersion()).isEqualTo("v1");
        assertThat(first.integrityPledgeVersion()).isEqualTo("2026-09");
        assertThat(first.smsSignature()).isEqualTo("【测试省教育考试院】");
        assertThat(first.smsTemplates()).containsExactly(Map.entry("PAYMENT_SUCCEEDED", "您已成功缴纳{examName}报名费{amount}元。"));
        assertThat(first.paymentRules()).containsExactly(new BureauConfigured.PaymentRule("370200", "UNIONPAY"),
                new BureauConfigured.PaymentRule("370000", "CEB"));
        assertThat(first.configuredAt()).isCloseTo(created, within(1, ChronoUnit.MILLIS));

        BureauConfigured second = events.get(1);
        assertThat(second.registrationGate()).isEqualTo("OPEN");
        assertThat(second.password()).isEqualTo(new BureauConfigured.PasswordRule(6, 16, 1));
        assertThat(second.loginNeedsSms()).isFalse();
        assertThat(second.privacyPolicyVersion()).isEqualTo("v2");
        assertThat(second.integrityPledgeVersion()).as("no longer published").isNull();
        assertThat(second.smsTemplates()).isEmpty();
        assertThat(second.paymentRules()).containsExactly(
                new BureauConfigured.PaymentRule("310000", "PUBLIC_PAYMENT_PLATFORM"));
        assertThat(second.configuredAt()).isCloseTo(replaced, within(1, ChronoUnit.MILLIS)).isAfter(first.configuredAt());
    }

    private Instant configuredAt() {
        return jdbc.sql("select configured_at from bureau where code = ?").param(code).query(Timestamp.class).single()
                .toInstant();
    }

    private long bureaus(String bureau) {
        return jdbc.sql("select count(*) from bureau where code = ?").param(bureau).query(Long.class).single();
    }

    private List<String> texts(String bureau) {
        return jdbc.sql("select kind || ' ' || version from bureau_text where bureau = ? order by kind, version")
                .param(bureau).query(String.class).list();
    }

    private static List<String> fields(JsonNode node) {
        return node.propertyNames().stream().toList();
    }

    private static JsonNode find(JsonNode list, String bureau) {
        return list.valueStream().filter(b -> b.path("code").asString().equals(bureau)).findFirst().orElseThrow();
    }
}
