package org.baokao.enrollment.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.DEMO;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.ISSUER;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.STRANGER;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.ZJ;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.body;
import static org.baokao.enrollment.partnerapi.PartnerFixtures.candidateCall;
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
 * API-3 admission data ({@code POST /open-api/v1/candidates/admission}, scope partner-admission) against real
 * PostgreSQL: only with the candidate's consent to this very partner, granted and revoked through the candidate's own
 * API; without it 403 CONSENT_REQUIRED, the same for a candidate who does not exist; each read audited.
 */
@ServiceTest
class PartnerAdmissionApiTest {

    private static final String ADMISSION = "/open-api/v1/candidates/admission";

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
    String exam;
    PartnerFixtures.Candidate candidate;
    String candidateToken;

    @BeforeEach
    void aConfirmedCandidate() {
        http = HttpProbe.onLocalPort(port);
        BureauDrafts.ensure(http);
        PartnerFixtures fixtures = new PartnerFixtures(jdbc, hasher, sealer);
        exam = "SD-ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID examId = exams.create(ExamDrafts.valid(exam)).id();
        candidate = fixtures.candidate(exam, "赵敏");
        fixtures.enrollment(examId, exam, candidate.id(), "COMPLETED", Instant.now());
        candidateToken = ISSUER.candidateTokenOf("sd", candidate.id().toString());
    }

    private Answer admission(String token) {
        return post(http, ADMISSION, token, body("RESIDENT_ID", candidate.idNumber(), "赵敏"));
    }

    private Answer consent(String method, String clientId) {
        return candidateCall(http, method, "/api/enrollments/consents/" + clientId, "sd", candidateToken);
    }

    @Test
    void api3_403BeforeTheGrant200AfterIt403AfterTheRevocation() {
        Answer before = admission(DEMO);
        assertThat(before.status()).as(before.body()).isEqualTo(403);
        assertThat(before.problemCode()).isEqualTo("CONSENT_REQUIRED");
        assertThat(before.json().path("detail").asString()).isEqualTo("考生未授权该合作方查询准考信息");

        assertThat(consent("PUT", "partner-demo").status()).isEqualTo(200);
        Answer granted = admission(DEMO);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        JsonNode admission = granted.json().path("admissions").get(0);
        assertThat(admission.path("examCode").asString()).isEqualTo(exam);
        assertThat(admission.path("examName").asString()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(admission.path("trackName").asString()).isEqualTo("全省统一考试专升本");
        assertThat(admission.path("examLocation").path("code").asString()).isEqualTo("3701");
        assertThat(admission.path("examLocation").path("name").asString()).isEqualTo("济南市");
        assertThat(admission.path("subjects").findValuesAsString("name"))
                .containsExactly("英语", "计算机", "大学语文", "高等数学II");
        assertThat(admission.path("paid").asBoolean()).isTrue();
        assertThat(admission.path("confirmed").asBoolean()).isTrue();
        assertThat(admission.has("admissionNumber")).isTrue();
        assertThat(granted.body()).doesNotContain(candidate.idNumber()).doesNotContain(candidate.id().toString());

        assertThat(consent("DELETE", "partner-demo").status()).isEqualTo(200);
        Answer revoked = admission(DEMO);
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.problemCode()).isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void api3_consentToOnePartnerOpensNothingToAnother() {
        assertThat(consent("PUT", "partner-zj").status()).isEqualTo(200);

        assertThat(admission(DEMO).problemCode()).isEqualTo("CONSENT_REQUIRED");
    }

    @Test
    void api3_anUnknownCandidateAndAWrongNameAreRefusedExactlyLikeOneWithoutConsent() {
        assertThat(consent("PUT", "partner-demo").status()).isEqualTo(200);
        Answer withoutConsent = post(http, ADMISSION, DEMO,
                body("RESIDENT_ID", new PartnerFixtures(jdbc, hasher, sealer).candidate(exam, "周芷若").idNumber(),
                        "周芷若"));
        Answer unknown = post(http, ADMISSION, DEMO, body("RESIDENT_ID", PartnerFixtures.freshIdNumber(), "赵敏"));
        Answer wrongName = post(http, ADMISSION, DEMO, body("RESIDENT_ID", candidate.idNumber(), "赵明"));

        for (Answer answer : List.of(unknown, wrongName)) {
            assertThat(answer.status()).isEqualTo(withoutConsent.status()).isEqualTo(403);
            assertThat(answer.contentType()).isEqualTo(withoutConsent.contentType());
            assertThat(answer.body()).isEqualTo(withoutConsent.body());
        }
    }

    @Test
    void api3_admissionNeedsItsScopeAndAListedPartner() {
        assertThat(consent("PUT", "partner-zj").status()).isEqualTo(200);
        Answer noScope = admission(ZJ);
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.problemCode()).isEqualTo("SCOPE_MISSING");
        assertThat(admission(STRANGER).problemCode()).isEqualTo("PARTNER_UNKNOWN");
        Answer invalid = post(http, ADMISSION, DEMO, body("RESIDENT_ID", "12345", "赵敏"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problemCode()).isEqualTo("ID_NUMBER_INVALID");
    }

    @Test
    void api3_readsAndRefusalsAreAudited() {
        admission(DEMO);
        consent("PUT", "partner-demo");
        admission(DEMO);

        List<OperatorActed> audited = OperatorAuditRows.about(jdbc, candidate.id().toString());
        assertThat(audited).extracting(OperatorActed::action)
                .containsExactly("partner.admission.read", "partner.admission.read");
        assertThat(audited).extracting(acted -> acted.details().get("outcome"))
                .containsExactly("CONSENT_REQUIRED", "READ");
        assertThat(audited.get(1).details()).containsEntry("admissions", "1")
                .containsEntry("endpoint", "POST /open-api/v1/candidates/admission")
                .containsEntry("clientAddress", "127.0.0.1");
        assertThat(audited.get(1).operatorUsername()).isEqualTo("partner-demo");
        assertThat(audited.get(1).operatorName()).isEqualTo("江苏省教育考试院");
    }
}
