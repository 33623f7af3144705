package org.baokao.enrollment.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.courses.CourseJourney.selection;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.baokao.enrollment.courses.CourseJourney.Candidate;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3, SST-5: the 实践课审核 desk. A practical course the plan marks 须经主考学校审核后缴费 (复旦大学 毕业论文, 10246-10002)
 * waits for its university; the university's reviewer (or the bureau's administrator) decides it once, audited; the
 * candidate's course page shows the decision. Other roles, universities and bureaus find nothing to decide.
 */
@ServiceTest
@Import(TestReadiness.class)
class PracticalReviewApiTest {

    private static final String REVIEWS = "/api/enrollments/operations/practical-reviews";
    private static final String THESIS = "10246-10002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    CourseJourney journey;
    Candidate candidate;

    @BeforeEach
    void aCandidateWaitingForTheReviewOfTheirThesis() {
        http = HttpProbe.onLocalPort(port);
        journey = new CourseJourney(http);
        candidate = journey.candidate();
        Answer saved = candidate.send("PUT", CourseJourney.COURSES + "/selection", selection(null, List.of(),
                List.of("10246-10001", THESIS)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(CourseJourney.course(saved.json(), THESIS, "practicalCourses").path("state").asString())
                .isEqualTo("AWAITING_REVIEW");
    }

    private String reviewer(String university) {
        return TestServers.issuer().operatorToken("reviewer-" + university, journey.bureau,
                Map.of("university", university, "name", "审核员" + university), "university-reviewer");
    }

    private String asRole(String role) {
        return TestServers.issuer().operatorToken(role + "-1", journey.bureau, Map.of(), role);
    }

    private Answer queue(String token, String query) {
        return http.send(http.request(REVIEWS + query).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, journey.bureau).GET());
    }

    private Answer decide(String token, String bureau, String course, String json) {
        String[] ref = course.split("-");
        return http.send(http.request(REVIEWS + "/" + candidate.id + "/" + ref[0] + "/" + ref[1] + "/decision")
                .header("Authorization", "Bearer " + token).header(BureauAddress.HEADER, bureau)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    @DisplayName("OPS-3, SST-5: 复旦大学's reviewer lists the course waiting, approves it once (audited), the candidate sees "
            + "审核通过; a second decision finds it decided (409)")
    void theUniversityApprovesOnce() {
        JsonNode waiting = queue(reviewer("10246"), "?state=AWAITING_REVIEW").json();
        assertThat(waiting.path("total").asLong()).isEqualTo(1);
        JsonNode item = waiting.path("items").get(0);
        assertThat(item.path("courseName").asString()).isEqualTo("毕业论文");
        assertThat(item.path("universityName").asString()).isEqualTo("复旦大学");
        assertThat(item.path("stateName").asString()).isEqualTo("待主考学校审核");
        assertThat(item.path("candidateId").asString()).isEqualTo(candidate.id.toString());

        Answer approved = decide(reviewer("10246"), journey.bureau, THESIS, "{\"approve\": true}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("reviewer").asString()).isEqualTo("审核员10246");

        Answer again = decide(reviewer("10246"), journey.bureau, THESIS, "{\"approve\": false, \"reason\": \"重复\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("PRACTICAL_REVIEW_DECIDED");
        JsonNode page = candidate.page().json();
        assertThat(CourseJourney.course(page, THESIS, "practicalCourses").path("stateName").asString())
                .isEqualTo("审核通过（缴费以院校通知为准）");
        assertThat(queue(reviewer("10246"), "?state=AWAITING_REVIEW").json().path("total").asLong()).isZero();
        assertThat(queue(reviewer("10246"), "?state=APPROVED").json().path("total").asLong()).isEqualTo(1);

        List<String> audited = jdbc.sql("select envelope from messaging.outbox where topic = 'operator.actions' "
                + "and envelope like ?").param("%" + candidate.id + "/10246/10002%").query(String.class).list();
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst()).contains("\"action\":\"practical-review.decide\"", "\"decision\":\"APPROVED\"",
                "\"operatorUsername\":\"reviewer-10246\"");
    }

    @Test
    @DisplayName("OPS-3: a rejection needs the reason, which the candidate reads beside 审核未通过")
    void aRejectionGivesItsReason() {
        Answer bare = decide(reviewer("10246"), journey.bureau, THESIS, "{\"approve\": false, \"reason\": \"  \"}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.problemCode()).isEqualTo("REASON_REQUIRED");

        Answer rejected = decide(asRole("bureau-admin"), journey.bureau, THESIS,
                "{\"approve\": false, \"reason\": \"未提交毕业论文开题报告\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode thesis = CourseJourney.course(candidate.page().json(), THESIS, "practicalCourses");
        assertThat(thesis.path("stateName").asString()).isEqualTo("审核未通过");
        assertThat(thesis.path("reviewReason").asString()).isEqualTo("未提交毕业论文开题报告");
    }

    @Test
    @DisplayName("OPS-3: another university's reviewer, another bureau's operator and roles outside the desk decide nothing "
            + "(404 / 404 / 403); an auditor reads the queue but cannot decide; nothing is audited")
    void outsideTheScopeNothingIsDecided() {
        assertThat(decide(reviewer("10269"), journey.bureau, THESIS, "{\"approve\": true}").status()).isEqualTo(404);
        assertThat(queue(reviewer("10269"), "?university=10246").status()).isEqualTo(404);
        assertThat(queue(reviewer("10269"), "").json().path("total").asLong())
                .as("华东师范大学's reviewer sees only 华东师范大学's courses").isZero();
        String otherBureau = TestServers.issuer().operatorToken("admin-x", "zz", Map.of(), "bureau-admin");
        assertThat(decide(otherBureau, journey.bureau, THESIS, "{\"approve\": true}").status()).isEqualTo(404);
        assertThat(decide(asRole("finance"), journey.bureau, THESIS, "{\"approve\": true}").status()).isEqualTo(403);
        assertThat(queue(asRole("finance"), "").status()).isEqualTo(403);
        assertThat(queue(asRole("auditor"), "").json().path("total").asLong()).isEqualTo(1);
        assertThat(decide(asRole("auditor"), journey.bureau, THESIS, "{\"approve\": true}").status()).isEqualTo(403);

        assertThat(CourseJourney.course(candidate.page().json(), THESIS, "practicalCourses").path("state").asString())
                .isEqualTo("AWAITING_REVIEW");
        assertThat(jdbc.sql("select count(*) from messaging.outbox where topic = 'operator.actions' and envelope like ?")
                .param("%" + candidate.id + "%").query(Long.class).single()).isZero();
    }
}
