package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.baokao.enrollment.bureau.BureauDrafts;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * ENR-8 (first half) over HTTP against real PostgreSQL and Kafka: a Shanghai 自考 candidate's 主考学校 come from
 * account-service's registration and import events; 报考其他学校 adds one, checked against the bureau's current
 * sitting, one major per university, never changed. Each test has a bureau of its own (OPEN gate, its own 自考
 * sitting with the test course plan: 复旦大学 10246 经济学/法学, 上海中医药大学 10268 中药学 (special)/药学), so the
 * sitting is exactly the one the test configured.
 */
@ServiceTest
class SelfStudyUniversitiesApiTest {

    static final String PATH = "/api/enrollments/self-study/universities";
    static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    @LocalServerPort
    int port;

    HttpProbe http;
    String bureau = BureauDrafts.newCode();
    String sitting = "SH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aSelfStudyBureauOfItsOwn() {
        http = HttpProbe.onLocalPort(port);
        selfStudyBureau(bureau, sitting, ExamDrafts.selfStudy(sitting));
        token = TestServers.issuer().candidateTokenOf(bureau, candidate.toString());
    }

    @Test
    @DisplayName("ENR-8: the university and major chosen at 新考生注册 are the candidate's first, with names and 温馨提示")
    void theRegistrationsUniversityIsHeld() {
        JsonNode held = registeredAt("10268", "B100701");

        assertThat(held.path("examCode").asString()).isEqualTo(sitting);
        assertThat(held.path("examName").asString()).isEqualTo("2026年10月上海市高等教育自学考试");
        assertThat(held.path("registrationOpen").asBoolean()).isTrue();
        JsonNode first = held.path("registrations").get(0);
        assertThat(first.path("universityCode").asString()).isEqualTo("10268");
        assertThat(first.path("universityName").asString()).isEqualTo("上海中医药大学");
        assertThat(first.path("majorCode").asString()).isEqualTo("B100701");
        assertThat(first.path("majorName").asString()).isEqualTo("药学");
        assertThat(first.path("specialMajor").asBoolean()).isFalse();
        assertThat(first.path("admissionNumber").isNull()).as("待生成").isTrue();
        assertThat(first.path("origin").asString()).isEqualTo("REGISTRATION");
        assertThat(first.path("originName").asString()).isEqualTo("新考生注册");
        assertThat(first.path("notice").asString()).isEqualTo("中药学、护理学专业报考前须经资格审核，请备齐相关证明材料。");
        assertThat(first.path("registeredAt").asString()).isEqualTo("2026-09-01T02:00:00Z");
    }

    @Test
    @DisplayName("ENR-8: 报考其他学校 adds a second university and major: 201, listed after the first, event published")
    void addingAnotherUniversity() {
        registeredAt("10246", "B020101");

        Answer added = add(token, "{\"universityCode\": \"10268\", \"majorCode\": \"C100801\"}");

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).hasValue(PATH + "/10268");
        assertThat(added.json().path("universityName").asString()).isEqualTo("上海中医药大学");
        assertThat(added.json().path("majorName").asString()).isEqualTo("中药学");
        assertThat(added.json().path("specialMajor").asBoolean()).isTrue();
        assertThat(added.json().path("origin").asString()).isEqualTo("ADDED");
        assertThat(added.json().path("originName").asString()).isEqualTo("报考其他学校");

        JsonNode held = get(token, PATH).json();
        assertThat(StreamSupport.stream(held.path("registrations").spliterator(), false)
                .map(r -> r.path("universityCode").asString()).toList())
                .containsExactly("10246", "10268");
        Answer one = get(token, PATH + "/10268");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("majorCode").asString()).isEqualTo("C100801");

        // ENR-10 later: photo-service learns of the special major added this way
        List<UniversityRegistrationAdded> published = EVENTS.matching(UniversityRegistrationAdded.class,
                e -> e.candidateId().equals(candidate), 1);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.bureau()).isEqualTo(bureau);
            assertThat(event.examCode()).isEqualTo(sitting);
            assertThat(event.universityCode()).isEqualTo("10268");
            assertThat(event.majorCode()).isEqualTo("C100801");
            assertThat(event.specialMajor()).isTrue();
        });
    }

    @Test
    @DisplayName("ENR-8: a university held is refused again, 409 UNIVERSITY_ALREADY_HELD, with the same or another major")
    void aHeldUniversityIsRefused() {
        registeredAt("10246", "B020101");

        for (String major : List.of("B020101", "B030101")) {
            Answer again = add(token, "{\"universityCode\": \"10246\", \"majorCode\": \"" + major + "\"}");
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.problemCode()).isEqualTo("UNIVERSITY_ALREADY_HELD");
            assertThat(again.json().path("detail").asString())
                    .isEqualTo("您已报考复旦大学（专业：经济学），同一所主考学校只能报考一个专业，且专业确定后不能修改");
        }
        JsonNode held = get(token, PATH).json().path("registrations");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).path("majorCode").asString()).as("the major is never changed").isEqualTo("B020101");
        // the one added later is refused the same way
        assertThat(add(token, "{\"universityCode\": \"10268\", \"majorCode\": \"B100701\"}").status()).isEqualTo(201);
        assertThat(add(token, "{\"universityCode\": \"10268\", \"majorCode\": \"C100801\"}").problemCode())
                .isEqualTo("UNIVERSITY_ALREADY_HELD");
    }

    @Test
    @DisplayName("ENR-8: only the current sitting's universities and their own majors: 400 with a Chinese message")
    void theChoiceIsCheckedAgainstTheSittingsPlan() {
        registeredAt("10246", "B020101");

        refused("{\"universityCode\": \"10269\", \"majorCode\": \"B020101\"}", 400, "UNIVERSITY_UNKNOWN",
                "所选主考学校不在本次考试的主考学校中，请重新选择");
        refused("{\"universityCode\": \"10268\", \"majorCode\": \"B020101\"}", 400, "MAJOR_NOT_OFFERED",
                "上海中医药大学没有开设所选专业，请重新选择");
        refused("{\"majorCode\": \"B100701\"}", 400, "UNIVERSITY_REQUIRED", "请选择报考的主考学校");
        refused("{\"universityCode\": \"10268\"}", 400, "MAJOR_REQUIRED", "请选择报考专业");
        refused("[1, 2]", 400, "MALFORMED_REQUEST", null);
        assertThat(get(token, PATH).json().path("registrations")).hasSize(1);
    }

    @Test
    @DisplayName("ENR-8: before the registration has arrived, 报考其他学校 waits (409 PROFILE_NOT_READY), the list is empty")
    void nothingIsAddedBeforeTheRegistrationArrives() {
        refused("{\"universityCode\": \"10268\", \"majorCode\": \"B100701\"}", 409, "PROFILE_NOT_READY",
                "报名信息正在同步，请稍后再试");
        Answer held = get(token, PATH);
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().path("registrations")).isEmpty();
    }

    @Test
    @DisplayName("ENR-1 → ENR-8: outside the sitting's registration window 报考其他学校 is 409 REGISTRATION_CLOSED")
    void closedRegistrationRefusesAdding() {
        String closedBureau = BureauDrafts.newCode();
        String closedSitting = sitting + "C";
        selfStudyBureau(closedBureau, closedSitting, ExamDrafts.with(ExamDrafts.selfStudy(closedSitting),
                b -> b.set(x -> x.registration = new ExamDraft.WindowDraft(Instant.parse("2020-01-01T00:00:00Z"),
                        Instant.parse("2021-01-01T00:00:00Z")))));
        UUID closedCandidate = UUID.randomUUID();
        String closedToken = TestServers.issuer().candidateTokenOf(closedBureau, closedCandidate.toString());
        publishRegistration(closedCandidate, closedBureau, closedSitting, "10246", "B020101");
        JsonNode held = Eventually.value("the registration", () -> {
            JsonNode view = send(closedToken, closedBureau, "GET", PATH, null).json();
            return view.path("registrations").isEmpty() ? null : view;
        });

        assertThat(held.path("registrationOpen").asBoolean()).isFalse();
        Answer closed = send(closedToken, closedBureau, "POST", PATH,
                "{\"universityCode\": \"10268\", \"majorCode\": \"B100701\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.problemCode()).isEqualTo("REGISTRATION_CLOSED");
        assertThat(closed.json().path("detail").asString()).isEqualTo("本次报名已结束，不能再报考其他学校");
    }

    @Test
    @DisplayName("ACC-9 → ENR-8: an imported 在籍考生 holds each university and major of the import, with the 准考证号")
    void anImportedCandidatesUniversities() {
        EVENTS.publish(new ExistingCandidateImported(candidate, bureau, sitting, "310123456789", List.of(
                new ExistingCandidateImported.Held("10246", "B030101"),
                new ExistingCandidateImported.Held("10268", "X999999")), Instant.parse("2026-09-02T01:00:00Z")));

        JsonNode held = Eventually.value("the import", () -> {
            JsonNode view = get(token, PATH).json().path("registrations");
            return view.size() == 2 ? view : null;
        });
        assertThat(held.get(0).path("universityName").asString()).isEqualTo("复旦大学");
        assertThat(held.get(0).path("majorName").asString()).isEqualTo("法学");
        assertThat(held.get(0).path("admissionNumber").asString()).isEqualTo("310123456789");
        assertThat(held.get(0).path("originName").asString()).isEqualTo("在籍考生导入");
        assertThat(held.get(1).path("majorCode").asString()).as("a major the plan no longer offers is still held")
                .isEqualTo("X999999");
        assertThat(held.get(1).path("majorName").isNull()).isTrue();
        assertThat(held.get(1).path("admissionNumber").asString()).isEqualTo("310123456789");
        // an imported candidate adds another university like anyone, and one they hold is refused
        assertThat(add(token, "{\"universityCode\": \"10246\", \"majorCode\": \"B020101\"}").problemCode())
                .isEqualTo("UNIVERSITY_ALREADY_HELD");
    }

    @Test
    @DisplayName("BUR-1: another bureau's token is 404 here; at a bureau without 自考 it is 404 NOT_SELF_STUDY")
    void otherBureausFindNothing() {
        registeredAt("10246", "B020101");

        // the candidate's own token at another bureau's address (the gateway's prefix): refused before any endpoint
        Answer elsewhere = send(token, "sd", "GET", PATH, null);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
        assertThat(send(token, "sd", "POST", PATH, "{\"universityCode\": \"10268\", \"majorCode\": \"B100701\"}")
                .status()).isEqualTo(404);
        // another bureau's token at this bureau's address
        String shandong = TestServers.issuer().candidateTokenOf("sd", candidate.toString());
        assertThat(send(shandong, bureau, "GET", PATH, null).status()).isEqualTo(404);

        // a Shandong candidate at Shandong's address: its registration exam is 专升本, there is nothing to hold
        BureauDrafts.ensure(http);
        ExamDrafts.post(http, TestServers.issuer().token("op-1", "operator", "bureau-admin"), ExamDrafts.json(ExamDrafts.valid("SD-ZSB-2023")));
        for (String method : List.of("GET", "POST")) {
            Answer notSelfStudy = send(shandong, "sd", method, PATH,
                    method.equals("POST") ? "{\"universityCode\": \"10246\", \"majorCode\": \"B020101\"}" : null);
            assertThat(notSelfStudy.status()).as(notSelfStudy.body()).isEqualTo(404);
            assertThat(notSelfStudy.problemCode()).isEqualTo("NOT_SELF_STUDY");
            assertThat(notSelfStudy.json().path("detail").asString()).isEqualTo("本考试院没有自学考试的主考学校报考");
        }
        // the universities are unchanged at their own bureau
        assertThat(get(token, PATH).json().path("registrations")).hasSize(1);
    }

    @Test
    @DisplayName("ENR-8: a university the candidate does not hold is 404 UNIVERSITY_NOT_HELD; no token 401")
    void aUniversityNotHeldIsNotFound() {
        registeredAt("10246", "B020101");

        Answer notHeld = get(token, PATH + "/10268");
        assertThat(notHeld.status()).isEqualTo(404);
        assertThat(notHeld.problemCode()).isEqualTo("UNIVERSITY_NOT_HELD");
        assertThat(http.send(http.request(PATH).header(BureauAddress.HEADER, bureau).GET()).status()).isEqualTo(401);
        String operator = TestServers.issuer().token("op-1", "operator");
        assertThat(send(operator, bureau, "GET", PATH, null).status()).isEqualTo(403);
    }

    /** A bureau with the OPEN gate whose registration exam is {@code draft}, configured for it. */
    private void selfStudyBureau(String code, String examCode, ExamDraft draft) {
        String operator = TestServers.issuer().token("op-1", "operator", "bureau-admin");
        Answer configured = BureauDrafts.put(http, operator, code, BureauDrafts.json(BureauDrafts.with(
                BureauDrafts.valid(code), b -> {
                    b.registrationExamCode = examCode;
                    b.registrationGate = "OPEN";
                    return b;
                })));
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        Answer exam = ExamDrafts.post(http, operator, ExamDrafts.json(ExamDrafts.with(draft, b -> {
            b.bureau = code;
            return b;
        })));
        assertThat(exam.status()).as(exam.body()).isEqualTo(201);
    }

    /** account-service's registration of the candidate at this test's bureau; answers the list once it is there. */
    private JsonNode registeredAt(String university, String major) {
        publishRegistration(candidate, bureau, sitting, university, major);
        return Eventually.value("the registration", () -> {
            JsonNode view = get(token, PATH).json();
            return view.path("registrations").isEmpty() ? null : view;
        });
    }

    private void publishRegistration(UUID candidateId, String bureauCode, String examCode, String university,
            String major) {
        EVENTS.publish(new CandidateRegistered(candidateId, null, examCode, "RESIDENT_ID",
                UUID.randomUUID().toString().replace("-", ""), "31**************12",
                Instant.parse("2026-09-01T02:00:00Z"), "138****5678", "FEMALE", LocalDate.of(2001, 5, 12), university,
                major, bureauCode));
    }

    private void refused(String body, int status, String code, String detail) {
        Answer answer = add(token, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.problemCode()).isEqualTo(code);
        if (detail != null) {
            assertThat(answer.json().path("detail").asString()).isEqualTo(detail);
        }
    }

    private Answer get(String bearer, String path) {
        return send(bearer, bureau, "GET", path, null);
    }

    private Answer add(String bearer, String json) {
        return send(bearer, bureau, "POST", PATH, json);
    }

    private Answer send(String bearer, String bureauCode, String method, String path, String json) {
        HttpRequest.Builder request = http.request(path).header("Authorization", "Bearer " + bearer)
                .header(BureauAddress.HEADER, bureauCode);
        if (json == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
