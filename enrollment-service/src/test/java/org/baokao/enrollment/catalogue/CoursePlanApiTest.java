package org.baokao.enrollment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.baokao.enrollment.bureau.BureauDrafts.getAt;
import static org.baokao.enrollment.exam.ExamDrafts.coursePlan;
import static org.baokao.enrollment.exam.ExamDrafts.json;
import static org.baokao.enrollment.exam.ExamDrafts.post;
import static org.baokao.enrollment.exam.ExamDrafts.put;
import static org.baokao.enrollment.exam.ExamDrafts.selfStudy;
import static org.baokao.enrollment.exam.ExamDrafts.valid;
import static org.baokao.enrollment.exam.ExamDrafts.with;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.exam.CoursePlanCatalogue;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Shanghai 自考 catalogue (COURSE_PLAN) through the operator API, its public read and the ExamConfigured events
 * account-service keeps for open registration (ENR-1, ACC-3), against real PostgreSQL and Kafka.
 */
@ServiceTest
class CoursePlanApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String operator = TestServers.issuer().token("op-course-plan", "operator", "bureau-admin");
    String code = "SH-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    /** ENR-1: a SELF_STUDY exam keeps its course plan whole — universities, notices, majors, 特殊专业. */
    @Test
    void aSelfStudyExamWithACoursePlanIsCreatedAndReadBackWhole() {
        ObjectNode sent = (ObjectNode) JSON.readTree(json(selfStudy(code)));
        // 经济学 sent without "special": operators mark only the 特殊专业
        ((ObjectNode) sent.at("/catalogue/universities/0/majors/0")).remove("special");

        Answer created = post(http, operator, sent.toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode catalogue = created.json().path("catalogue");
        assertThat(catalogue.path("form").asString()).isEqualTo("COURSE_PLAN");
        assertThat(catalogue.path("universities").valueStream().map(u -> u.path("name").asString()))
                .containsExactly("复旦大学", "上海中医药大学");
        JsonNode shutcm = catalogue.path("universities").get(1);
        assertThat(shutcm.path("code").asString()).isEqualTo("10268");
        assertThat(shutcm.path("notice").asString()).isEqualTo("中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。");
        assertThat(shutcm.path("majors").get(0).path("name").asString()).isEqualTo("中药学");
        assertThat(shutcm.path("majors").get(0).path("special").asBoolean()).isTrue();
        assertThat(shutcm.path("majors").get(1).path("special").isBoolean()).isTrue();
        assertThat(shutcm.path("majors").get(1).path("special").asBoolean()).isFalse();
        assertThat(catalogue.at("/universities/0/majors/0/special").isBoolean()).as("absent is false").isTrue();
        assertThat(catalogue.at("/universities/0/majors/0/special").asBoolean()).isFalse();
        assertThat(jdbc.sql("select string_agg(k, ',' order by k) from exam, jsonb_object_keys(catalogue) k"
                + " where code = ?").param(code).query(String.class).single())
                .as("the stored catalogue: its form and its data").isEqualTo("form,outerAreas,questionnaire,universities");

        Answer read = ExamDrafts.get(http, operator, "sh", code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("kind").asString()).isEqualTo("SELF_STUDY");
        assertThat(read.json().path("catalogue")).isEqualTo(catalogue);
        ObjectNode expected = (ObjectNode) JSON.readTree(json(selfStudy(code))).path("catalogue");
        assertThat(read.json().path("catalogue")).as("what was sent, special filled in").isEqualTo(expected);
    }

    /** ENR-1: a bad course plan is refused whole with every violation at its place; nothing is stored. */
    @Test
    void aBadCoursePlanIsRefusedWithItsViolations() {
        ObjectNode sent = (ObjectNode) JSON.readTree(json(selfStudy(code)));
        ArrayNode universities = (ArrayNode) sent.at("/catalogue/universities");
        ((ObjectNode) universities.get(1)).put("code", "10246");
        ((ObjectNode) universities.get(1)).put("notice", "请".repeat(501));
        ((ArrayNode) universities.get(1).path("majors")).add(universities.get(1).path("majors").get(0).deepCopy());
        universities.addNull();
        universities.addObject().put("code", "10269").put("name", "上海师范大学").putArray("majors");

        Answer refused = post(http, operator, sent.toString());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemCode()).isEqualTo("UNIVERSITY_CODE_DUPLICATE");
        assertThat(refused.json().path("detail").asString()).isEqualTo("主考学校代码重复：10246");
        assertThat(violations(refused)).containsExactly(
                "catalogue.universities[1].code UNIVERSITY_CODE_DUPLICATE",
                "catalogue.universities[1].notice UNIVERSITY_NOTICE_TOO_LONG",
                "catalogue.universities[1].majors[2].code MAJOR_CODE_DUPLICATE",
                "catalogue.universities[2] UNIVERSITY_REQUIRED",
                "catalogue.universities[3].majors UNIVERSITY_MAJORS_REQUIRED");
        assertThat(exams(code)).isZero();

        Answer empty = post(http, operator, json(with(selfStudy(code), b -> {
            b.catalogue = new CoursePlanCatalogue(List.of());
            return b;
        })));
        assertThat(empty.problemCode()).isEqualTo("CATALOGUE_UNIVERSITIES_REQUIRED");
        assertThat(empty.json().path("detail").asString()).isEqualTo("目录中至少要有一个主考学校");
        assertThat(exams(code)).isZero();
    }

    /**
     * ENR-1, ENR-9: the course plan with theory courses by half-day slot, practical courses, outer areas and the
     * questionnaire is sent as JSON with the exam and read back whole; a course breaking a rule is refused at its place.
     */
    @Test
    void theCoursesOuterAreasAndQuestionnaireTravelWithTheExam() {
        Answer created = post(http, operator, json(org.baokao.enrollment.exam.CoursePlans.selfStudy(code)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode economics = created.json().at("/catalogue/universities/0/majors/0");
        assertThat(economics.path("theoryCourses").get(0).toString()).isEqualTo("{\"code\":\"03709\",\"name\":"
                + "\"马克思主义基本原理概论\",\"credits\":4,\"feeFen\":4500,\"date\":\"2026-10-24\",\"halfDay\":\"AM\"}");
        assertThat(economics.path("practicalCourses").get(0).path("category").asString()).isEqualTo("PUBLIC");
        assertThat(economics.path("practicalCourses").get(0).path("date").isNull()).isTrue();
        assertThat(created.json().at("/catalogue/outerAreas/0/name").asString()).isEqualTo("金山区");
        assertThat(created.json().at("/catalogue/questionnaire/version").asString()).isEqualTo("Q1");
        assertThat(created.json().at("/catalogue/questionnaire/questions/2/required").asBoolean()).isFalse();
        assertThat(ExamDrafts.get(http, operator, "sh", code).json().path("catalogue"))
                .isEqualTo(created.json().path("catalogue"));

        ObjectNode sent = (ObjectNode) JSON.readTree(json(org.baokao.enrollment.exam.CoursePlans.selfStudy(code)));
        ((ObjectNode) sent.at("/catalogue/universities/0/majors/0/theoryCourses/1")).put("date", "2026-10-24")
                .put("halfDay", "AM").put("feeFen", 0);
        Answer refused = put(http, operator, code, sent.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(violations(refused)).containsExactly(
                "catalogue.universities[0].majors[0].theoryCourses[1].feeFen COURSE_FEE_INVALID",
                "catalogue.universities[0].majors[0].theoryCourses[1].date THEORY_SLOT_DUPLICATE");
    }

    /** ENR-1: each exam kind has its own catalogue form; a course plan does not serve 专升本. */
    @Test
    void aCoursePlanOnAnUpgradeExamIsAKindMismatch() {
        Answer refused = post(http, operator, json(with(valid(code), b -> {
            b.catalogue = coursePlan();
            return b;
        })));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("CATALOGUE_KIND_MISMATCH");
        assertThat(violations(refused)).containsExactly("catalogue.form CATALOGUE_KIND_MISMATCH");
        assertThat(exams(code)).isZero();
    }

    /**
     * ACC-3: every saved configuration is published whole as ExamConfigured (a university dropped is gone from the
     * next event); a refused one, create or replace, publishes nothing.
     */
    @Test
    void eachSavedConfigurationIsPublishedAndARefusedOneIsNot() {
        ExamDraft refusedDraft = with(selfStudy(code), b -> {
            b.catalogue = new CoursePlanCatalogue(List.of(new CoursePlanCatalogue.University("REFUSED", "拒绝大学",
                    null, List.of())));
            return b;
        });
        assertThat(post(http, operator, json(refusedDraft)).status()).isEqualTo(400);
        assertThat(post(http, operator, json(selfStudy(code))).status()).isEqualTo(201);
        Instant created = updatedAt();
        assertThat(put(http, operator, code, json(refusedDraft)).status()).isEqualTo(400);
        ExamDraft fewer = with(selfStudy(code), b -> {
            b.name = "2026年10月上海市高等教育自学考试（调整）";
            b.catalogue = new CoursePlanCatalogue(List.of(coursePlan().universities().get(1)));
            return b;
        });
        Answer replaced = put(http, operator, code, json(fewer));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        Instant replacedAt = updatedAt();

        // one exam's events share a key, so a partition, so they arrive in commit order; a refused save that
        // had published would show up among them
        List<ExamConfigured> events = EVENTS.matching(ExamConfigured.class, e -> e.examCode().equals(code), 2);

        assertThat(events).hasSize(2);
        ExamConfigured first = events.get(0);
        assertThat(first.kind()).isEqualTo("SELF_STUDY");
        assertThat(first.name()).isEqualTo("2026年10月上海市高等教育自学考试");
        assertThat(first.universities()).extracting(ExamConfigured.University::code).containsExactly("10246", "10268");
        assertThat(first.universities().get(0).majors()).containsExactly(
                new ExamConfigured.Major("B020101", "经济学"), new ExamConfigured.Major("B030101", "法学"));
        assertThat(first.universities().get(1).notice()).isEqualTo("中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。");
        assertThat(first.bureau()).as("BUR-1: the exam's bureau").isEqualTo("sh");
        assertThat(first.configuredAt()).as("the instant of the save").isCloseTo(created, within(1, ChronoUnit.MILLIS));

        ExamConfigured second = events.get(1);
        assertThat(second.name()).isEqualTo("2026年10月上海市高等教育自学考试（调整）");
        assertThat(second.universities()).containsExactly(new ExamConfigured.University("10268", "上海中医药大学",
                "中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。", List.of(
                        new ExamConfigured.Major("C100801", "中药学", true), new ExamConfigured.Major("B100701", "药学"))));
        assertThat(second.configuredAt()).isCloseTo(replacedAt, within(1, ChronoUnit.MILLIS)).isAfter(first.configuredAt());
        assertThat(EVENTS.matching(ExamConfigured.class, e -> e.universities().stream()
                .anyMatch(u -> "REFUSED".equals(u.code())), 0)).isEmpty();
    }

    /**
     * ACC-3: the registration page reads an exam's examining universities and majors without logging in, at its
     * bureau's address (BUR-1: /sh/api/... passes on Baokao-Bureau: sh).
     */
    @Test
    void candidatesReadTheUniversitiesAndTheirMajors() {
        assertThat(post(http, operator, json(selfStudy(code))).status()).isEqualTo(201);

        Answer answer = getAt(http, "sh", "/api/enrollments/public/exams/" + code + "/catalogue/universities");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode universities = answer.json();
        assertThat(universities.size()).isEqualTo(2);
        assertThat(universities.get(0).path("code").asString()).isEqualTo("10246");
        assertThat(universities.get(0).path("name").asString()).isEqualTo("复旦大学");
        JsonNode shutcm = universities.get(1);
        assertThat(shutcm.path("name").asString()).isEqualTo("上海中医药大学");
        assertThat(shutcm.path("notice").asString()).isEqualTo("中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。");
        assertThat(shutcm.path("majors").findValuesAsString("name")).containsExactly("中药学", "药学");
        assertThat(shutcm.path("majors").get(0).path("code").asString()).isEqualTo("C100801");
        assertThat(shutcm.path("majors").get(0).path("special").asBoolean()).isTrue();
        assertThat(universities.get(0).path("majors").get(1).path("special").asBoolean()).isFalse();
        assertThat(universities.get(0).path("notice").isMissingNode() || universities.get(0).path("notice").isNull())
                .as("no notice").isTrue();
    }

    /** ACC-3: an unknown exam, and an exam without a course plan, have no universities to offer. */
    @Test
    void unknownExamsAndExamsWithoutACoursePlanAreNotFound() {
        Answer unknown = getAt(http, "sh", "/api/enrollments/public/exams/NOPE-" + code + "/catalogue/universities");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("EXAM_NOT_FOUND");

        String upgrade = code + "-ZSB";
        assertThat(post(http, operator, json(valid(upgrade))).status()).isEqualTo(201);
        Answer majorScope = http.get("/api/enrollments/public/exams/" + upgrade + "/catalogue/universities");
        assertThat(majorScope.status()).isEqualTo(404);
        assertThat(majorScope.problemCode()).isEqualTo("CATALOGUE_NOT_CONFIGURED");
        assertThat(majorScope.json().path("detail").asString()).isEqualTo("该考试尚未配置主考学校和专业");

        assertThat(post(http, operator, json(with(selfStudy(code), b -> {
            b.catalogue = null;
            return b;
        }))).status()).isEqualTo(201);
        Answer notYet = getAt(http, "sh", "/api/enrollments/public/exams/" + code + "/catalogue/universities");
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.problemCode()).isEqualTo("CATALOGUE_NOT_CONFIGURED");
    }

    private Instant updatedAt() {
        return jdbc.sql("select updated_at from exam where code = ?").param(code).query(Timestamp.class)
                .single().toInstant();
    }

    private long exams(String examCode) {
        return jdbc.sql("select count(*) from exam where code = ?").param(examCode).query(Long.class).single();
    }

    private static List<String> violations(Answer refused) {
        return refused.json().path("violations").valueStream()
                .map(v -> v.path("field").asString() + " " + v.path("code").asString()).toList();
    }
}
