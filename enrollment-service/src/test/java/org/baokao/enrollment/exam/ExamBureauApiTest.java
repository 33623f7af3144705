package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.bureau.BureauDrafts.getAt;
import static org.baokao.enrollment.exam.ExamDrafts.json;
import static org.baokao.enrollment.exam.ExamDrafts.post;
import static org.baokao.enrollment.exam.ExamDrafts.put;
import static org.baokao.enrollment.exam.ExamDrafts.selfStudy;
import static org.baokao.enrollment.exam.ExamDrafts.valid;
import static org.baokao.enrollment.exam.ExamDrafts.with;

import java.util.List;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * BUR-1: exams belong to a bureau. Operators name it when they create one (it must exist and cannot change), and
 * candidates find an exam only at its bureau's address: at another bureau's it is 404 EXAM_NOT_FOUND, as if it did
 * not exist. Against real PostgreSQL.
 */
@ServiceTest
class ExamBureauApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String operator = TestServers.issuer().token("op-exam-bureau", "operator", "bureau-admin");
    String sdExam = "SD-" + UUID.randomUUID().toString().substring(0, 8);
    String shExam = "SH-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    @Test
    @DisplayName("BUR-1: a new exam names its bureau (400 BUREAU_REQUIRED), an existing one (400 BUREAU_UNKNOWN)")
    void aNewExamNamesAnExistingBureau() {
        Answer none = post(http, operator, json(with(valid(sdExam), b -> {
            b.bureau = null;
            return b;
        })));
        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.problemCode()).isEqualTo("BUREAU_REQUIRED");
        assertThat(none.json().path("detail").asString()).isEqualTo("请选择考试所属的考试院");
        assertThat(violations(none)).containsExactly("bureau BUREAU_REQUIRED");

        Answer unknown = post(http, operator, json(with(valid(sdExam), b -> {
            b.bureau = "zzzzzzzz";
            b.locations = List.of();
            return b;
        })));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(violations(unknown)).as("with every other fault")
                .containsExactly("locations LOCATIONS_REQUIRED", "bureau BUREAU_UNKNOWN");
        assertThat(unknown.json().at("/violations/1/message").asString()).isEqualTo("考试院不存在：zzzzzzzz");
        assertThat(exams(sdExam)).isZero();

        Answer created = post(http, operator, json(valid(sdExam)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("bureau").asString()).isEqualTo("sd");
        assertThat(jdbc.sql("select bureau from exam where code = ?").param(sdExam).query(String.class).single())
                .isEqualTo("sd");
    }

    @Test
    @DisplayName("BUR-1: a replacement keeps the exam's bureau when it names none, and cannot move it (409)")
    void theBureauOfAnExamCannotChange() {
        assertThat(post(http, operator, json(valid(sdExam))).status()).isEqualTo(201);

        Answer unnamed = put(http, operator, sdExam, json(with(valid(sdExam), b -> {
            b.bureau = null;
            b.name = "2023年普通高等教育专升本考试（补报）";
            return b;
        })));
        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(200);
        assertThat(unnamed.json().path("bureau").asString()).isEqualTo("sd");

        Answer moved = ExamDrafts.putAt(http, operator, "sd", sdExam, json(with(valid(sdExam), b -> {
            b.bureau = "sh";
            return b;
        })));
        assertThat(moved.status()).as(moved.body()).isEqualTo(409);
        assertThat(moved.problemCode()).isEqualTo("EXAM_BUREAU_IMMUTABLE");
        assertThat(moved.json().path("detail").asString()).isEqualTo("考试所属的考试院创建后不能修改");
        assertThat(http.get("/api/enrollments/operations/exams/" + sdExam, operator).json().path("bureau").asString())
                .isEqualTo("sd");
    }

    @Test
    @DisplayName("BUR-1, OPS-3: each bureau's address lists its own exams only, to candidates and operators; a partner its own bureau's")
    void eachAddressListsItsOwnExams() {
        assertThat(post(http, operator, json(valid(sdExam))).status()).isEqualTo(201);
        assertThat(post(http, operator, json(selfStudy(shExam))).status()).isEqualTo(201);

        List<String> atSd = codes(getAt(http, "sd", "/api/enrollments/public/exams"));
        List<String> unprefixed = codes(http.get("/api/enrollments/public/exams"));
        List<String> atSh = codes(getAt(http, "sh", "/api/enrollments/public/exams"));

        assertThat(atSd).contains(sdExam).doesNotContain(shExam);
        assertThat(unprefixed).as("the default bureau's").contains(sdExam).doesNotContain(shExam);
        assertThat(atSh).contains(shExam).doesNotContain(sdExam);
        Answer nowhere = getAt(http, "zzzzzzzz", "/api/enrollments/public/exams");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.problemCode()).isEqualTo("BUREAU_NOT_FOUND");

        List<String> forSdOperators = codes(operations(operatorAt(http, "sd", operator)));
        List<String> forShOperators = codes(operations(operatorAt(http, "sh", operator)));
        assertThat(forSdOperators).contains(sdExam).doesNotContain(shExam);
        assertThat(forShOperators).contains(shExam).doesNotContain(sdExam);
        // API-1: a partner reads the bureau it is registered for (partner-demo: sd), not every hosted bureau
        JsonNode partnerList = http.get("/open-api/v1/exams",
                TestServers.issuer().partnerToken("partner-demo", "sd", 600, "partner-verify")).json();
        List<String> forPartner = partnerList.valueStream().map(e -> e.path("code").asString()).toList();
        assertThat(forPartner).contains(sdExam).doesNotContain(shExam);
    }

    @Test
    @DisplayName("BUR-1: a Shanghai exam code at Shandong's address is 404 EXAM_NOT_FOUND, and the other way round")
    void anotherBureausExamIsNotFound() {
        assertThat(post(http, operator, json(valid(sdExam))).status()).isEqualTo(201);
        assertThat(post(http, operator, json(selfStudy(shExam))).status()).isEqualTo(201);

        for (String path : List.of("", "/locations", "/fees", "/pledge", "/catalogue/universities",
                "/catalogue/majors/620403")) {
            Answer shAtSd = getAt(http, "sd", "/api/enrollments/public/exams/" + shExam + path);
            assertThat(shAtSd.status()).as("sh exam%s at sd", path).isEqualTo(404);
            assertThat(shAtSd.problemCode()).isEqualTo("EXAM_NOT_FOUND");
            assertThat(shAtSd.json().path("detail").asString()).isEqualTo("考试不存在");
            Answer sdAtSh = getAt(http, "sh", "/api/enrollments/public/exams/" + sdExam + path);
            assertThat(sdAtSh.status()).as("sd exam%s at sh", path).isEqualTo(404);
            assertThat(sdAtSh.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        }
        assertThat(getAt(http, "sh", "/api/enrollments/public/exams/" + shExam).status()).isEqualTo(200);
        assertThat(getAt(http, "sh", "/api/enrollments/public/exams/" + shExam + "/catalogue/universities").status())
                .isEqualTo(200);
        assertThat(getAt(http, "sd", "/api/enrollments/public/exams/" + sdExam + "/catalogue/majors/620403").status())
                .isEqualTo(200);
        assertThat(http.get("/api/enrollments/public/exams/" + sdExam + "/pledge").status())
                .as("unprefixed: the default bureau sd").isEqualTo(200);
    }

    private long exams(String code) {
        return jdbc.sql("select count(*) from exam where code = ?").param(code).query(Long.class).single();
    }

    /** The operators' list (its items) at a bureau's address. */
    private Answer operations(java.util.function.Function<String, Answer> at) {
        return at.apply("/api/enrollments/operations/exams?size=100");
    }

    private static java.util.function.Function<String, Answer> operatorAt(HttpProbe http, String bureau, String token) {
        return path -> http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(org.baokao.web.bureau.BureauAddress.HEADER, bureau).GET());
    }

    private static List<String> codes(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode list = answer.json().has("items") ? answer.json().path("items") : answer.json();
        return list.valueStream().map(exam -> exam.path("code").asString()).toList();
    }

    private static List<String> violations(Answer refused) {
        return refused.json().path("violations").valueStream()
                .map(v -> v.path("field").asString() + " " + v.path("code").asString()).toList();
    }
}
