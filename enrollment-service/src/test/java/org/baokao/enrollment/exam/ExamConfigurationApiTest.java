package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.exam.ExamDrafts.json;
import static org.baokao.enrollment.exam.ExamDrafts.post;
import static org.baokao.enrollment.exam.ExamDrafts.put;
import static org.baokao.enrollment.exam.ExamDrafts.valid;
import static org.baokao.enrollment.exam.ExamDrafts.with;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** ENR-1 exam configuration through the operator API and its public reads, against real PostgreSQL. */
@ServiceTest
class ExamConfigurationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String operator = TestServers.issuer().token("op-exam", "operator", "bureau-admin");
    String code = "T-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    /** ENR-1: an operator creates an exam; it reads back whole, and candidates see it in the public list. */
    @Test
    void anOperatorCreatesAnExamAndReadsItBack() {
        Answer created = post(http, operator, json(valid(code)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode exam = created.json();
        assertThat(exam.path("code").asString()).isEqualTo(code);
        assertThat(exam.path("kind").asString()).isEqualTo("UNIFIED_UPGRADE");
        assertThat(exam.path("payment").path("dailyOpens").asString()).isEqualTo("08:00");
        assertThat(exam.path("payment").path("dailyCloses").asString()).isEqualTo("22:00");
        assertThat(exam.path("fees").get(0).path("amountFen").asLong()).isEqualTo(3000);
        assertThat(exam.path("locations").size()).isEqualTo(3);
        assertThat(exam.path("pledge").path("version").asInt()).isEqualTo(1);
        assertThat(exam.path("catalogue").path("form").asString()).isEqualTo("MAJOR_SCOPE");
        assertThat(exam.path("catalogue").path("majors").size()).isEqualTo(2);
        assertThat(exam.path("registrationOpen").asBoolean()).isTrue();
        assertThat(jdbc.sql("select string_agg(k, ',' order by k) from exam, jsonb_object_keys(catalogue) k"
                + " where code = ?").param(code).query(String.class).single())
                .as("the stored catalogue: its form and its data, nothing derived").isEqualTo("form,majors,subjects");

        Answer read = http.get("/api/enrollments/operations/exams/" + code, operator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("catalogue")).isEqualTo(exam.path("catalogue"));
        assertThat(read.json().path("fees")).isEqualTo(exam.path("fees"));

        JsonNode listed = find(http.get("/api/enrollments/operations/exams?size=100", operator).json().path("items"), code);
        assertThat(listed.path("pledgeVersion").asInt()).isEqualTo(1);
        assertThat(listed.has("catalogue")).as("the list leaves catalogues out").isFalse();
        JsonNode shown = find(http.get("/api/enrollments/public/exams").json(), code);
        assertThat(shown.path("paymentDailyOpens").asString()).isEqualTo("08:00");
        String partner = TestServers.issuer().partnerToken("partner-demo", "sd", 600);
        assertThat(find(http.get("/open-api/v1/exams", partner).json(), code)).isNotNull();
    }

    /** ENR-1: a SELF_STUDY exam (Shanghai) is configured without a catalogue until its course plan exists. */
    @Test
    void aSelfStudyExamIsConfiguredWithoutACatalogueForNow() {
        Answer created = post(http, operator, json(with(valid(code), b -> {
            b.name = "2026年10月上海市高等教育自学考试";
            b.kind = ExamKind.SELF_STUDY;
            b.catalogue = null;
            b.fees = List.of(new ExamDraft.FeeDraft("COURSE", "每门课程", 3000L));
            b.locations = List.of(new ExamLocation("310104", "徐汇区"));
            return b;
        })));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("kindName").asString()).isEqualTo("高等教育自学考试");
        assertThat(created.json().path("catalogue").isNull()).isTrue();
        assertThat(http.get("/api/enrollments/public/exams/" + code + "/catalogue/majors/620403").problemCode())
                .isEqualTo("MAJOR_NOT_IN_CATALOGUE");
    }

    /** ENR-1: updating replaces the configuration; a changed pledge text is the pledge's next version. */
    @Test
    void updatesReplaceTheConfigurationAndVersionThePledge() {
        assertThat(post(http, operator, json(valid(code))).status()).isEqualTo(201);
        ExamDraft sameText = with(valid(code), b -> {
            b.name = "2023年普通高等教育专升本考试（补报）";
            b.locations = List.of(new ExamLocation("3717", "菏泽市"));
            return b;
        });

        Answer unchangedPledge = put(http, operator, code, json(sameText));
        assertThat(unchangedPledge.status()).as(unchangedPledge.body()).isEqualTo(200);
        assertThat(unchangedPledge.json().path("name").asString()).isEqualTo("2023年普通高等教育专升本考试（补报）");
        assertThat(unchangedPledge.json().path("locations").size()).isEqualTo(1);
        assertThat(unchangedPledge.json().path("pledge").path("version").asInt()).isEqualTo(1);

        Answer newPledge = put(http, operator, code, json(with(sameText, b -> {
            b.pledgeText = "新的报考承诺";
            return b;
        })));
        assertThat(newPledge.json().path("pledge").path("version").asInt()).isEqualTo(2);
        JsonNode pledge = http.get("/api/enrollments/public/exams/" + code + "/pledge").json();
        assertThat(pledge.path("version").asInt()).isEqualTo(2);
        assertThat(pledge.path("text").asString()).isEqualTo("新的报考承诺");
        assertThat(jdbc.sql("select count(*) from exam_pledge p join exam e on e.id = p.exam_id where e.code = ?")
                .param(code).query(Long.class).single()).as("the old version stays").isEqualTo(2);
    }

    /**
     * ENR-1 with several instances: reads keep parsed exams, but a change written by another instance (here
     * plain SQL, as that instance's transaction would) shows at the next read, fees and locations included.
     */
    @Test
    void aChangeMadeElsewhereShowsAtTheNextRead() {
        assertThat(post(http, operator, json(valid(code))).status()).isEqualTo(201);
        String fees = "/api/enrollments/public/exams/" + code + "/fees";
        assertThat(http.get(fees).json().get(0).path("amountFen").asLong()).isEqualTo(3000);
        assertThat(http.get(fees).json().get(0).path("amountFen").asLong()).as("read again, unchanged").isEqualTo(3000);

        jdbc.sql("""
                update exam set fee_items = jsonb_set(fee_items, '{0,amountFen}', '3500'),
                    locations = '[{"code": "3717", "name": "菏泽市"}]'::jsonb where code = ?""")
                .param(code).update();

        assertThat(http.get(fees).json().get(0).path("amountFen").asLong()).isEqualTo(3500);
        assertThat(http.get("/api/enrollments/public/exams/" + code + "/locations").json().size()).isEqualTo(1);
    }

    /** ENR-1: a configuration that breaks rules is refused whole, with every violation, and nothing is stored. */
    @Test
    void badInputIsRefusedWithStableCodesAndNothingIsStored() {
        List<ExamDraft.FeeDraft> fees = new ArrayList<>(valid(code).fees());
        fees.set(0, new ExamDraft.FeeDraft("REGISTRATION", "报名", -100L));
        Answer refused = post(http, operator, json(with(valid(code), b -> {
            b.fees = fees;
            b.locations = List.of(new ExamLocation("3701", "济南市"), new ExamLocation("3701", "济南"));
            return b;
        })));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("FEE_AMOUNT_NEGATIVE");
        assertThat(refused.json().path("detail").asString()).isEqualTo("收费金额不能为负数");
        assertThat(refused.json().path("violations").findValuesAsString("code"))
                .containsExactly("FEE_AMOUNT_NEGATIVE", "LOCATION_CODE_DUPLICATE");
        assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("fees[0].amountFen");
        assertThat(exams(code)).isZero();

        Answer windows = post(http, operator, json(with(valid(code), b -> {
            b.registration = new ExamDraft.WindowDraft(b.registration.closesAt(), b.registration.opensAt());
            return b;
        })));
        assertThat(windows.problemCode()).isEqualTo("REGISTRATION_WINDOW_INVALID");
        assertThat(windows.json().path("detail").asString()).isEqualTo("报名开始时间应早于结束时间");
        assertThat(exams(code)).isZero();

        Answer notJson = post(http, operator, "{\"code\": \"" + code + "\", \"kind\": \"WHATEVER\"}");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.problemCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(exams(code)).isZero();
    }

    /** ENR-1: a refused update leaves the stored configuration exactly as it was. */
    @Test
    void aRefusedUpdateChangesNothing() {
        assertThat(post(http, operator, json(valid(code))).status()).isEqualTo(201);
        JsonNode before = http.get("/api/enrollments/operations/exams/" + code, operator).json();

        Answer refused = put(http, operator, code, json(with(valid(code), b -> {
            b.name = "";
            b.pledgeText = "另一个承诺";
            return b;
        })));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("EXAM_NAME_REQUIRED");
        assertThat(put(http, operator, code, json(with(valid(code), b -> {
            b.kind = ExamKind.SELF_STUDY;
            b.catalogue = null;
            return b;
        }))).problemCode()).isEqualTo("EXAM_KIND_IMMUTABLE");
        assertThat(put(http, operator, code, json(valid("OTHER-CODE"))).problemCode()).isEqualTo("EXAM_CODE_MISMATCH");

        assertThat(http.get("/api/enrollments/operations/exams/" + code, operator).json()).isEqualTo(before);
    }

    /** ENR-1: exam codes are unique; unknown exams are 404 with a code. */
    @Test
    void codesAreUniqueAndUnknownExamsAreNotFound() {
        assertThat(post(http, operator, json(valid(code))).status()).isEqualTo(201);
        Answer again = post(http, operator, json(valid(code)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("EXAM_CODE_TAKEN");
        assertThat(exams(code)).isEqualTo(1);

        assertThat(http.get("/api/enrollments/operations/exams/NOPE-" + code, operator).problemCode())
                .isEqualTo("EXAM_NOT_FOUND");
        Answer missing = put(http, operator, "NOPE-" + code, json(valid("NOPE-" + code)));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(missing.json().path("detail").asString()).isEqualTo("考试不存在");
        assertThat(http.get("/api/enrollments/public/exams/NOPE-" + code + "/fees").status()).isEqualTo(404);
    }

    /** ENR-1: only operators configure exams. */
    @Test
    void onlyOperatorsConfigureExams() {
        assertThat(post(http, TestServers.issuer().token("c-1", "candidate"), json(valid(code))).status())
                .isEqualTo(403);
        assertThat(post(http, TestServers.issuer().token("p-1", "partner"), json(valid(code))).status())
                .isEqualTo(403);
        Answer anonymous = http.send(http.request("/api/enrollments/operations/exams")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(valid(code)))));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(http.get("/api/enrollments/operations/exams", TestServers.issuer().token("c-1", "candidate"))
                .status()).isEqualTo(403);
        assertThat(exams(code)).isZero();
    }

    /** ENR-1, ENR-2, ENR-4: candidates read locations, fee items, the pledge and their major's choices. */
    @Test
    void candidatesReadLocationsFeesPledgeAndTheirMajorsChoices() {
        assertThat(post(http, operator, json(valid(code))).status()).isEqualTo(201);

        JsonNode locations = http.get("/api/enrollments/public/exams/" + code + "/locations").json();
        assertThat(locations.findValuesAsString("name")).containsExactly("济南市", "青岛市", "菏泽市");
        assertThat(locations.get(2).path("code").asString()).isEqualTo("3717");

        JsonNode fees = http.get("/api/enrollments/public/exams/" + code + "/fees").json();
        assertThat(fees.get(0).path("code").asString()).isEqualTo("REGISTRATION");
        assertThat(fees.get(0).path("name").asString()).isEqualTo("报名");
        assertThat(fees.get(0).path("amountFen").asLong()).isEqualTo(3000);

        JsonNode pledge = http.get("/api/enrollments/public/exams/" + code + "/pledge").json();
        assertThat(pledge.path("version").asInt()).isEqualTo(1);
        assertThat(pledge.path("text").asString()).startsWith("我报考参加");

        JsonNode exam = http.get("/api/enrollments/public/exams/" + code).json();
        assertThat(exam.path("paymentDailyCloses").asString()).isEqualTo("22:00");

        Answer choices = http.get("/api/enrollments/public/exams/" + code + "/catalogue/majors/620403");
        assertThat(choices.status()).as(choices.body()).isEqualTo(200);
        assertThat(choices.json().path("majorName").asString()).isEqualTo("医学影像技术");
        JsonNode group = choices.json().path("groups").get(0);
        assertThat(group.path("code").asString()).isEqualTo("MED");
        assertThat(group.path("subjectNames").asString()).isEqualTo("英语、计算机、大学语文、高等数学II");
        assertThat(group.path("scopeNames").asString()).isEqualTo("医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫");
        assertThat(group.path("subjects").get(3).path("code").asString()).isEqualTo("MATH_II");

        Answer unknown = http.get("/api/enrollments/public/exams/" + code + "/catalogue/majors/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("MAJOR_NOT_IN_CATALOGUE");
    }

    private long exams(String examCode) {
        return jdbc.sql("select count(*) from exam where code = ?").param(examCode).query(Long.class).single();
    }

    private static JsonNode find(JsonNode exams, String code) {
        for (JsonNode exam : exams) {
            if (code.equals(exam.path("code").asString())) {
                return exam;
            }
        }
        throw new AssertionError("exam " + code + " not listed in " + exams);
    }
}
