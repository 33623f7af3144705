package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.exam.ExamDrafts.json;
import static org.baokao.enrollment.exam.ExamDrafts.post;
import static org.baokao.enrollment.exam.ExamDrafts.put;
import static org.baokao.enrollment.exam.ExamDrafts.valid;
import static org.baokao.enrollment.exam.ExamDrafts.with;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.events.operator.OperatorActed;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.node.ObjectNode;

/**
 * OPS-3 考试管理: the Exams desk's API as operators use it with their own tokens (bound to one bureau). Bureau
 * administrators change, auditors read, other roles are refused (403); another bureau's exam is 404; every stored
 * change is audited ({@code exam.configure}) and a refused one is not. Against real PostgreSQL.
 */
@ServiceTest
class ExamOperationsApiTest {

    private static final String EXAMS = "/api/enrollments/operations/exams";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String code = "SD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String sdAdmin = TestServers.issuer().operatorToken("admin-sd-" + UUID.randomUUID(), "sd", Map.of(),
            "bureau-admin");
    String shAdmin = TestServers.issuer().operatorToken("admin-sh", "sh", Map.of(), "bureau-admin");
    String sdAuditor = TestServers.issuer().operatorToken("auditor-sd", "sd", Map.of(), "auditor");
    String sdCity = TestServers.issuer().operatorToken("city-jinan", "sd", Map.of("city", "3701"), "city-operator");
    String sdFinance = TestServers.issuer().operatorToken("finance-sd", "sd", Map.of(), "finance");

    @BeforeEach
    void probe() {
        http = HttpProbe.onLocalPort(port);
    }

    @Test
    @DisplayName("OPS-3: a bureau administrator creates and replaces an exam; each stored change is audited as exam.configure")
    void changesAreAudited() {
        Answer created = post(http, sdAdmin, json(valid(code)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        List<OperatorActed> afterCreate = OperatorAuditRows.about(jdbc, code);
        assertThat(afterCreate).hasSize(1);
        OperatorActed create = afterCreate.getFirst();
        assertThat(create.action()).isEqualTo("exam.configure");
        assertThat(create.bureau()).isEqualTo("sd");
        assertThat(create.operatorRoles()).containsExactly("bureau-admin");
        assertThat(create.service()).isEqualTo("enrollment-service");
        assertThat(create.subjectType()).isEqualTo("exam");
        assertThat(create.subjectLabel()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(create.details()).containsEntry("change", "create").containsEntry("pledgeVersion", "1");

        Answer refused = put(http, sdAdmin, code, json(with(valid(code), b -> {
            b.fees = List.of(new ExamDraft.FeeDraft("REGISTRATION", "报名", -1L));
            return b;
        })));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(OperatorAuditRows.about(jdbc, code)).as("a refused change is not audited").hasSize(1);

        Answer replaced = put(http, sdAdmin, code, json(with(valid(code), b -> {
            b.pledgeText = "新的报考承诺";
            return b;
        })));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        List<OperatorActed> afterUpdate = OperatorAuditRows.about(jdbc, code);
        assertThat(afterUpdate).hasSize(2);
        assertThat(afterUpdate.get(1).details()).containsEntry("change", "update").containsEntry("pledgeVersion", "2");
    }

    @Test
    @DisplayName("OPS-3: the configuration reads in the shape PUT takes; sent back with a change, it is stored")
    void readInTheShapeItIsWritten() {
        assertThat(post(http, sdAdmin, json(valid(code))).status()).isEqualTo(201);

        Answer read = getAt("sd", sdAdmin, EXAMS + "/" + code);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("pledgeText").asString()).isEqualTo(valid(code).pledgeText());
        ObjectNode edited = (ObjectNode) read.json();
        edited.put("name", "2023年普通高等教育专升本考试（补报）");
        Answer stored = send("sd", sdAdmin, "PUT", EXAMS + "/" + code, edited.toString());

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("name").asString()).isEqualTo("2023年普通高等教育专升本考试（补报）");
        assertThat(stored.json().path("pledge").path("version").asInt()).as("the same pledge text").isEqualTo(1);
        assertThat(stored.json().path("catalogue")).isEqualTo(read.json().path("catalogue"));
    }

    @Test
    @DisplayName("OPS-3: auditors read the list and an exam but change nothing; city operators and finance are refused (403)")
    void rolesOfTheDesk() {
        assertThat(post(http, sdAdmin, json(valid(code))).status()).isEqualTo(201);

        Answer listed = getAt("sd", sdAuditor, EXAMS + "?size=100");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().path("items").valueStream().map(e -> e.path("code").asString())).contains(code);
        assertThat(listed.json().path("size").asInt()).isEqualTo(100);
        assertThat(listed.json().path("total").asInt()).isEqualTo(listed.json().path("items").size());
        assertThat(getAt("sd", sdAuditor, EXAMS + "/" + code).status()).isEqualTo(200);

        Answer auditorChanges = put(http, sdAuditor, code, json(with(valid(code), b -> {
            b.name = "审计员改的";
            return b;
        })));
        assertThat(auditorChanges.status()).isEqualTo(403);
        assertThat(auditorChanges.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        String other = code + "-A";
        assertThat(post(http, sdAuditor, json(valid(other))).status()).isEqualTo(403);

        for (String outsider : List.of(sdCity, sdFinance)) {
            assertThat(getAt("sd", outsider, EXAMS).status()).isEqualTo(403);
            assertThat(getAt("sd", outsider, EXAMS + "/" + code).status()).isEqualTo(403);
            assertThat(put(http, outsider, code, json(valid(code))).status()).isEqualTo(403);
            assertThat(post(http, outsider, json(valid(other))).status()).isEqualTo(403);
        }
        assertThat(jdbc.sql("select name from exam where code = ?").param(code).query(String.class).single())
                .isEqualTo("2023年普通高等教育专升本考试");
        assertThat(jdbc.sql("select count(*) from exam where code = ?").param(other).query(Long.class).single()).isZero();
        assertThat(OperatorAuditRows.about(jdbc, code)).hasSize(1);
    }

    @Test
    @DisplayName("OPS-3: another bureau's exam is 404 to an administrator of Shanghai, not listed, not replaceable; nor can they create one for Shandong")
    void anotherBureausExamIsNotFound() {
        assertThat(post(http, sdAdmin, json(valid(code))).status()).isEqualTo(201);

        Answer read = getAt("sh", shAdmin, EXAMS + "/" + code);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(getAt("sh", shAdmin, EXAMS + "?size=100").json().path("items").valueStream()
                .map(e -> e.path("code").asString())).doesNotContain(code);
        Answer replaced = send("sh", shAdmin, "PUT", EXAMS + "/" + code, json(with(valid(code), b -> {
            b.bureau = null;
            b.name = "别的考试院改的";
            return b;
        })));
        assertThat(replaced.status()).isEqualTo(404);
        assertThat(replaced.problemCode()).isEqualTo("EXAM_NOT_FOUND");
        assertThat(getAt("sd", sdAdmin, EXAMS + "/" + code).json().path("name").asString())
                .isEqualTo("2023年普通高等教育专升本考试");

        String theirs = code + "-SH";
        Answer created = send("sh", shAdmin, "POST", EXAMS, json(valid(theirs)));
        assertThat(created.status()).as("a Shandong exam created at Shanghai's desk").isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from exam where code = ?").param(theirs).query(Long.class).single())
                .isZero();
        assertThat(getAt("sd", shAdmin, EXAMS).status()).as("Shandong's address with a Shanghai token").isEqualTo(404);
        assertThat(OperatorAuditRows.about(jdbc, code)).hasSize(1);
        assertThat(OperatorAuditRows.about(jdbc, theirs)).isEmpty();
    }

    private Answer getAt(String bureau, String token, String path) {
        return http.send(http.request(path).header(BureauAddress.HEADER, bureau)
                .header("Authorization", "Bearer " + token).GET());
    }

    private Answer send(String bureau, String token, String method, String path, String body) {
        org.baokao.enrollment.bureau.BureauDrafts.ensure(http);
        return http.send(http.request(path).header(BureauAddress.HEADER, bureau)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }
}
