package org.baokao.enrollment.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.DEMO;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.ISSUER;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.STRANGER;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.ZJ;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.body;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.enrollment.exam.OperatorAuditRows;
import org.baokao.events.operator.OperatorActed;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * API-1 verify ({@code POST /open-api/v1/enrollments/verify}, scope partner-verify) against real PostgreSQL: a
 * candidate named by ID type + number + name → their enrollments at the partner's bureau (exam, status, paid) and
 * nothing more; any mismatch an empty list; another bureau's enrollments invisible; every call audited.
 */
@ServiceTest
class PartnerVerifyApiTest {

    private static final String VERIFY = "/open-api/v1/enrollments/verify";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExamConfigurations exams;
    @Autowired
    LookupHasher hasher;
    @Autowired
    PersonalDataProtector sealer;

    HttpProbe http;
    PartnerFixtures fixtures;
    String sdExam;
    String shExam;
    PartnerFixtures.Candidate candidate;

    @BeforeEach
    void aCandidateEnrolledAtBothBureaus() {
        http = HttpProbe.onLocalPort(port);
        BureauDrafts.ensure(http);
        fixtures = new PartnerFixtures(jdbc, hasher, sealer);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sdExam = "SD-VERIFY-" + suffix;
        shExam = "SH-VERIFY-" + suffix;
        UUID sdId = exams.create(ExamDrafts.valid(sdExam)).id();
        UUID shId = exams.create(ExamDrafts.with(ExamDrafts.valid(shExam), b -> {
            b.bureau = "sh";
            return b;
        })).id();
        candidate = fixtures.candidate(sdExam, "张伟");
        fixtures.enrollment(sdId, sdExam, candidate.id(), "COMPLETED", Instant.now());
        fixtures.enrollment(shId, shExam, candidate.id(), "CONFIRMED", Instant.now());
    }

    @Test
    void api1_aNamedCandidateGetsTheirEnrollmentsAtThePartnersBureauAndNothingMore() {
        Answer answer = post(http, VERIFY, DEMO, body("RESIDENT_ID", candidate.idNumber(), "张伟"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).hasSize(1); // the sh exam's enrollment is another bureau's
        JsonNode enrollment = answer.json().get(0);
        assertThat(enrollment.path("examCode").asString()).isEqualTo(sdExam);
        assertThat(enrollment.path("examName").asString()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(enrollment.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(enrollment.path("paid").asBoolean()).isTrue();
        assertThat(enrollment.propertyNames()).containsExactlyInAnyOrder("examCode", "examName", "status", "paid");
        assertThat(answer.body()).doesNotContain(candidate.id().toString()).doesNotContain(candidate.idNumber());
    }

    @Test
    void api1_theIdNumberIsNormalisedAsThePlatformStoresIt() {
        String withX = idNumberEndingInX();
        PartnerFixtures.Candidate x = fixtures.candidate(sdExam, withX, "李娜");
        UUID examId = exams.require(sdExam).id();
        fixtures.enrollment(examId, sdExam, x.id(), "CONFIRMED", Instant.now());
        String typed = " " + Gb11643TestNumbers.fullWidth(withX.substring(0, 6)) + " " + withX.substring(6, 17)
                + "x\u3000";

        Answer answer = post(http, VERIFY, DEMO, body("RESIDENT_ID", typed, " 李娜 "));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json()).hasSize(1);
        assertThat(answer.json().get(0).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(answer.json().get(0).path("paid").asBoolean()).isFalse();
    }

    @Test
    void api1_aWrongNameOrAnUnknownNumberIsAnEmptyListAlike() {
        Answer wrongName = post(http, VERIFY, DEMO, body("RESIDENT_ID", candidate.idNumber(), "张伟伟"));
        Answer unknown = post(http, VERIFY, DEMO, body("RESIDENT_ID", PartnerFixtures.freshIdNumber(), "张伟"));
        Answer otherType = post(http, VERIFY, DEMO, body("PASSPORT", candidate.idNumber().substring(0, 17), "张伟"));

        for (Answer answer : List.of(wrongName, unknown, otherType)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("[]");
        }
    }

    @Test
    void api1_eachVerifyIsAuditedWithThePartnerTheCandidateAndTheClientAddress() {
        post(http, VERIFY, DEMO, body("RESIDENT_ID", candidate.idNumber(), "张伟"));

        List<OperatorActed> audited = OperatorAuditRows.about(jdbc, candidate.id().toString());
        assertThat(audited).hasSize(1);
        OperatorActed acted = audited.getFirst();
        assertThat(acted.action()).isEqualTo("partner.verify");
        assertThat(acted.bureau()).isEqualTo("sd");
        assertThat(acted.operatorUsername()).isEqualTo("partner-demo");
        assertThat(acted.operatorName()).isEqualTo("江苏省教育考试院");
        assertThat(acted.operatorSubject()).isEqualTo("service-account-partner-demo");
        assertThat(acted.operatorRoles()).isEmpty();
        assertThat(acted.service()).isEqualTo("enrollment-service");
        assertThat(acted.subjectType()).isEqualTo("candidate");
        assertThat(acted.subjectLabel()).isEqualTo(candidate.idNumber().substring(0, 2) + "**************"
                + candidate.idNumber().substring(16));
        assertThat(acted.details()).containsEntry("endpoint", "POST /open-api/v1/enrollments/verify")
                .containsEntry("matched", "1").containsEntry("enrollments", "1")
                .containsEntry("clientAddress", "127.0.0.1");
        assertThat(acted.toString()).doesNotContain(candidate.idNumber()).doesNotContain("张伟");
    }

    @Test
    void api1_aMissOfAnUnknownCandidateIsAuditedToo() {
        String stranger = PartnerFixtures.freshIdNumber();
        long before = verifyAudits();

        post(http, VERIFY, DEMO, body("RESIDENT_ID", stranger, "无此人"));

        assertThat(verifyAudits()).isEqualTo(before + 1);
    }

    @Test
    void api1_verifyNeedsItsScopeAndAListedPartner() {
        Answer noScope = post(http, VERIFY, ISSUER.partnerToken("partner-demo", "sd", 600, "partner-enrollments"),
                body("RESIDENT_ID", candidate.idNumber(), "张伟"));
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.problemCode()).isEqualTo("SCOPE_MISSING");
        assertThat(noScope.json().path("detail").asString()).contains("partner-verify");
        // judged before its body is read: a partner without the scope learns nothing from how its input is judged
        Answer garbledNoScope = post(http, VERIFY,
                ISSUER.partnerToken("partner-demo", "sd", 600, "partner-enrollments"), "{not json");
        assertThat(garbledNoScope.status()).isEqualTo(403);
        assertThat(garbledNoScope.problemCode()).isEqualTo("SCOPE_MISSING");

        Answer unlisted = post(http, VERIFY, STRANGER, body("RESIDENT_ID", candidate.idNumber(), "张伟"));
        assertThat(unlisted.status()).isEqualTo(403);
        assertThat(unlisted.problemCode()).isEqualTo("PARTNER_UNKNOWN");

        Answer verifyOnly = post(http, VERIFY, ZJ, body("RESIDENT_ID", candidate.idNumber(), "张伟"));
        assertThat(verifyOnly.status()).isEqualTo(200);

        assertThat(post(http, VERIFY, null, body("RESIDENT_ID", candidate.idNumber(), "张伟")).status())
                .isEqualTo(401);
        Answer candidateToken = post(http, VERIFY, ISSUER.candidateTokenOf("sd", candidate.id().toString()),
                body("RESIDENT_ID", candidate.idNumber(), "张伟"));
        assertThat(candidateToken.status()).isEqualTo(403);
    }

    @Test
    void api1_whatCannotNameAnyoneIs400WithAStableCode() {
        assertProblem(body(null, candidate.idNumber(), "张伟"), "ID_TYPE_REQUIRED");
        assertProblem(body("ID_CARD", candidate.idNumber(), "张伟"), "ID_TYPE_INVALID");
        assertProblem(body("RESIDENT_ID", null, "张伟"), "ID_NUMBER_REQUIRED");
        assertProblem(body("RESIDENT_ID", "3701021990", "张伟"), "ID_NUMBER_INVALID");
        assertProblem(body("RESIDENT_ID", candidate.idNumber(), "  "), "NAME_REQUIRED");
        assertProblem(body("RESIDENT_ID", candidate.idNumber(), "张".repeat(51)), "NAME_TOO_LONG");
        assertProblem("", "ID_TYPE_REQUIRED");
        Answer garbled = post(http, VERIFY, DEMO, "{not json");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.contentType()).startsWith("application/problem+json");
    }

    private void assertProblem(String json, String code) {
        Answer answer = post(http, VERIFY, DEMO, json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().path("detail").asString()).isNotBlank();
    }

    private long verifyAudits() {
        return PartnerAuditRows.of(jdbc, "partner.verify").size();
    }

    /** A resident ID number whose check character is X. */
    private static String idNumberEndingInX() {
        for (int seq = 0; seq < 1000; seq++) {
            String number = Gb11643TestNumbers.residentId("370102", "19950607",
                    String.format("%03d", (int) (Math.random() * 1000)));
            if (number.endsWith("X")) {
                return number;
            }
        }
        throw new AssertionError("no number ending in X");
    }
}
