package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.CoursePlans;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;

/**
 * A bureau of its own for a test (OPEN gate, its own 自考 sitting with {@link CoursePlans#withCourses()}: 问卷 version
 * Q1, exams in 2026), its candidates' registration and import events, and the candidate's calls of the self-study API.
 */
final class SelfStudyApi {

    static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();
    static final String PROFILE = "/api/enrollments/self-study/profile";
    static final String QUESTIONNAIRE = "/api/enrollments/self-study/questionnaire";
    static final String READINESS = "/api/enrollments/self-study/readiness";
    static final String UNIVERSITIES = "/api/enrollments/self-study/universities";
    static final String COMPLETE_PROFILE = """
            {"ethnicity": "01", "politicalStatus": "13", "education": "30", "occupation": "4",
             "mailingAddress": "上海市徐汇区漕溪北路1号", "postcode": "200030", "employer": "上海某科技有限公司",
             "landline": "021-64321234"}""";
    static final String ANSWERS = """
            {"version": "Q1", "answers": {"purpose": "提升学历", "channel": ["微信公众号", "主考学校"],
             "advice": "希望增加周末考点"}}""";

    final HttpProbe http;
    final String bureau = BureauDrafts.newCode();
    final String sitting = "SH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    SelfStudyApi(int port) {
        http = HttpProbe.onLocalPort(port);
        String operator = TestServers.issuer().token("op-1", "operator", "bureau-admin");
        Answer configured = BureauDrafts.put(http, operator, bureau, BureauDrafts.json(BureauDrafts.with(
                BureauDrafts.valid(bureau), b -> {
                    b.registrationExamCode = sitting;
                    b.registrationGate = "OPEN";
                    return b;
                })));
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        Answer exam = ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.with(CoursePlans.selfStudy(sitting),
                b -> {
                    b.bureau = bureau;
                    return b;
                })));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
    }

    String tokenOf(UUID candidate) {
        return TestServers.issuer().candidateTokenOf(bureau, candidate.toString());
    }

    /** 新考生注册 at {@code university}, as account-service publishes it; waits until the university is held. */
    void registered(UUID candidate, String university, String major) {
        EVENTS.publish(new CandidateRegistered(candidate, null, sitting, "RESIDENT_ID",
                UUID.randomUUID().toString().replace("-", ""), "31**************12",
                Instant.parse("2026-09-01T02:00:00Z"), "138****5678", "FEMALE", LocalDate.of(2001, 5, 12), university,
                major, bureau));
        held(candidate);
    }

    /** An import of 在籍考生 holding 复旦大学 法学, with a 准考证号. */
    void imported(UUID candidate, String admissionNumber) {
        EVENTS.publish(new ExistingCandidateImported(candidate, bureau, sitting, admissionNumber, List.of(
                new ExistingCandidateImported.Held("10246", "B030101")), Instant.parse("2026-09-02T01:00:00Z")));
        held(candidate);
    }

    private void held(UUID candidate) {
        Eventually.value("the registration", () -> get(tokenOf(candidate), UNIVERSITIES).json().path("registrations")
                .isEmpty() ? null : true);
    }

    Answer get(String token, String path) {
        return send(token, "GET", path, null);
    }

    Answer send(String token, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau);
        if (json == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
