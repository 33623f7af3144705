package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.EnrollmentStarted;
import org.baokao.events.enrollment.PersonalInfoSaved;
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
 * Steps 1 to 3 of the wizard over HTTP, real PostgreSQL and Kafka: the order the server enforces (ENR-2),
 * personal information (ENR-3), versions and replays, ownership.
 */
@ServiceTest
class WizardStepsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);
    WizardJourney candidate;

    @BeforeEach
    void anExamAndARegisteredCandidate() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, ExamDrafts.valid(examCode));
        candidate = new WizardJourney(http, examCode).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
    }

    /** ENR-2 step 1: the pledge's version and time are recorded; a repeated start answers the same enrollment. */
    @Test
    void acceptingThePledgeStartsTheEnrollmentOnce() {
        JsonNode view = candidate.started();

        assertThat(view.path("status").asString()).isEqualTo("PLEDGE_ACCEPTED");
        assertThat(view.path("currentStep").path("title").asString()).isEqualTo("采集个人照片");
        assertThat(view.path("stepsDone").get(0).path("step").asString()).isEqualTo("PLEDGE");
        assertThat(view.path("pledge").path("version").asInt()).isEqualTo(1);
        assertThat(view.path("pledge").path("acceptedAt").asString()).isNotBlank();
        assertThat(view.path("identityStatusName").asString()).isEqualTo("未核验");
        assertThat(view.path("candidate").path("name").asString()).isEqualTo("张伟");
        assertThat(view.path("candidate").path("idNumberMasked").asString()).isEqualTo("37**************12");
        assertThat(view.path("candidate").path("majorName").asString()).isEqualTo("医学影像技术");
        assertThat(view.path("candidate").path("phoneMasked").asString()).isEqualTo("138****5678");
        assertThat(view.path("candidate").path("genderName").asString()).isEqualTo("男");
        assertThat(view.path("candidate").path("birthDate").asString()).isEqualTo("2002-03-04");
        assertThat(view.path("trackName").asString()).isEqualTo("全省统一考试专升本");

        Answer again = candidate.start(null, 1);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(candidate.enrollmentId.toString());
        assertThat(jdbc.sql("select count(*) from enrollment where candidate_id = ?").param(candidate.candidateId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(WizardJourney.published(EnrollmentStarted.class,
                started -> started.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(started -> {
                    assertThat(started.pledgeVersion()).isEqualTo(1);
                    assertThat(started.track()).isEqualTo("UNIFIED");
                });
        Answer mine = http.get(WizardJourney.BASE + "/mine", candidate.token);
        assertThat(mine.json()).hasSize(1);
    }

    /** ENR-2: the checkbox must be ticked, and the pledge accepted must be the current one. */
    @Test
    void thePledgeMustBeAcceptedInItsCurrentVersion() {
        Answer unticked = WizardJourney.await(() -> {
            Answer a = candidate.start("{\"accepted\": false}");
            return "PROFILE_NOT_READY".equals(a.problemCode()) ? null : a;
        });
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.problemCode()).isEqualTo("PLEDGE_NOT_ACCEPTED");
        Answer outdated = candidate.start(null, 7);
        assertThat(outdated.status()).isEqualTo(409);
        assertThat(outdated.problemCode()).isEqualTo("PLEDGE_OUTDATED");
        assertThat(outdated.json().path("detail").asString()).contains("报考承诺已更新");
        assertThat(http.get(WizardJourney.BASE + "/mine", candidate.token).json()).isEmpty();
    }

    /** ENR-2: steps cannot be skipped by calling the API directly; nothing changes. */
    @Test
    void skippingStepsIsRefused() {
        candidate.started();
        int version = candidate.version();

        Answer info = candidate.putPersonalInfo(WizardJourney.personalInfo(), version);
        assertThat(info.status()).isEqualTo(409);
        assertThat(info.problemCode()).isEqualTo("STEP_NOT_ALLOWED");
        assertThat(info.json().path("detail").asString()).contains("请先完成「采集个人照片」");
        Answer choice = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}", version);
        assertThat(choice.problemCode()).isEqualTo("STEP_NOT_ALLOWED");
        Answer confirm = candidate.confirm(version);
        assertThat(confirm.problemCode()).isEqualTo("STEP_NOT_ALLOWED");
        Answer preview = candidate.preview();
        assertThat(preview.status()).isEqualTo(409);
        assertThat(preview.problemCode()).isEqualTo("STEP_NOT_ALLOWED");

        JsonNode after = candidate.get();
        assertThat(after.path("status").asString()).isEqualTo("PLEDGE_ACCEPTED");
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(after.path("personalInfo").isNull()).isTrue();
    }

    /** ENR-2 step 2: photo events that arrive before the wizard starts count when it starts. */
    @Test
    void aPhotoAcceptedBeforeTheStartCompletesStepTwo() {
        candidate.photoAccepted();
        WizardJourney.await(() -> jdbc.sql("select count(*) from wizard_candidate where candidate_id = ? and photo_id is not null")
                .param(candidate.candidateId).query(Long.class).single() == 1 ? true : null);

        JsonNode view = candidate.started();

        assertThat(view.path("status").asString()).isEqualTo("PHOTO_DONE");
        assertThat(view.path("nextStep").path("step").asString()).isEqualTo("PERSONAL_INFO");
        assertThat(view.path("identityStatusName").asString()).isEqualTo("核验中");
    }

    /** ENR-3: every bad field is named with a stable code and a Chinese message; nothing is saved. */
    @Test
    void badPersonalInformationIsRefusedFieldByField() {
        candidate.started();
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();

        Answer bad = candidate.putPersonalInfo("""
                {"politicalStatus": "99", "ethnicity": "01", "foreignLanguage": "1", "mailingAddress": "test",
                 "postcode": "11111", "email": "1111qq.com", "householdProvince": "110000",
                 "householdCity": "370200", "candidateCategory": "1"}""", version);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.problemCode()).isEqualTo("POLITICAL_STATUS_INVALID");
        assertThat(bad.json().path("field").asString()).isEqualTo("politicalStatus");
        assertThat(bad.json().path("violations").valueStream().map(v -> v.path("field").asString() + ":"
                + v.path("code").asString()).toList()).containsExactly("politicalStatus:POLITICAL_STATUS_INVALID",
                        "postcode:POSTCODE_INVALID", "email:EMAIL_INVALID", "householdCity:HOUSEHOLD_CITY_INVALID");
        assertThat(bad.json().path("violations").get(1).path("message").asString()).isEqualTo("通讯地址邮政编码应为6位数字");
        JsonNode after = candidate.get();
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(after.path("status").asString()).isEqualTo("PHOTO_DONE");
        assertThat(after.path("personalInfo").isNull()).isTrue();
    }

    /** ENR-3: a sound form is saved with the names the forms print and stays editable; PersonalInfoSaved goes out. */
    @Test
    void personalInformationIsSavedAndStaysEditable() {
        candidate.started();
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();

        Answer saved = candidate.putPersonalInfo(WizardJourney.personalInfo(), version);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode view = saved.json();
        assertThat(view.path("status").asString()).isEqualTo("PERSONAL_INFO_SAVED");
        assertThat(view.path("version").asInt()).isEqualTo(version + 1);
        JsonNode info = view.path("personalInfo");
        assertThat(info.path("politicalStatusName").asString()).isEqualTo("中共党员");
        assertThat(info.path("ethnicityName").asString()).isEqualTo("汉族");
        assertThat(info.path("householdProvinceName").asString()).isEqualTo("北京市");
        assertThat(info.path("householdCityName").asString()).isEqualTo("朝阳区");
        assertThat(info.path("candidateCategoryName").asString()).isEqualTo("城市应届");
        assertThat(view.path("editableFields").valueStream().map(JsonNode::asString).toList())
                .contains("householdCity", "examLocation");

        Answer edited = candidate.putPersonalInfo(WizardJourney.personalInfo().replace("274000", "250014"),
                version + 1);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("personalInfo").path("postcode").asString()).isEqualTo("250014");
        assertThat(WizardJourney.published(PersonalInfoSaved.class,
                event -> event.enrollmentId().equals(candidate.enrollmentId), 2)).hasSize(2);
    }

    /** Concurrency: a stale version is 409 ENROLLMENT_CHANGED, a replay of the same save is answered as is. */
    @Test
    void staleWritesAreRefusedAndReplaysAreHarmless() {
        candidate.started();
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();
        Answer first = candidate.putPersonalInfo(WizardJourney.personalInfo(), version);
        assertThat(first.status()).isEqualTo(200);

        Answer doubleClick = candidate.putPersonalInfo(WizardJourney.personalInfo(), version);
        assertThat(doubleClick.status()).as("identical replay").isEqualTo(200);
        assertThat(doubleClick.json().path("version").asInt()).isEqualTo(version + 1);

        Answer stale = candidate.putPersonalInfo(WizardJourney.personalInfo().replace("274000", "250014"), version);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("ENROLLMENT_CHANGED");
        assertThat(stale.json().path("detail").asString()).contains("请刷新后重试");

        Answer viaHeader = candidate.send(http.request(WizardJourney.BASE + "/" + candidate.enrollmentId
                + "/personal-info").header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                .header("Authorization", "Bearer " + candidate.token).PUT(java.net.http.HttpRequest.BodyPublishers
                        .ofString(WizardJourney.personalInfo().replace("274000", "250014"))));
        assertThat(viaHeader.problemCode()).isEqualTo("ENROLLMENT_CHANGED");

        Answer noVersion = candidate.putPersonalInfo(WizardJourney.personalInfo(), null);
        assertThat(noVersion.status()).isEqualTo(428);
        assertThat(noVersion.problemCode()).isEqualTo("VERSION_REQUIRED");
        assertThat(candidate.get().path("personalInfo").path("postcode").asString()).isEqualTo("274000");
    }

    /** Another candidate's enrollment does not exist for them (404, never 403); a token is needed. */
    @Test
    void anotherCandidatesEnrollmentIsNotFound() {
        candidate.started();
        String stranger = candidate.issuer.token(UUID.randomUUID().toString(), "candidate");

        Answer read = http.get(WizardJourney.BASE + "/" + candidate.enrollmentId, stranger);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.problemCode()).isEqualTo("ENROLLMENT_NOT_FOUND");
        assertThat(read.json().path("detail").asString()).isEqualTo("报名信息不存在");
        Answer write = candidate.send(http.request(WizardJourney.BASE + "/" + candidate.enrollmentId + "/confirmation")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + stranger)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"version\": 1}")));
        assertThat(write.status()).isEqualTo(404);
        assertThat(http.get(WizardJourney.BASE + "/" + UUID.randomUUID(), candidate.token).status()).isEqualTo(404);
        assertThat(http.get(WizardJourney.BASE + "/" + candidate.enrollmentId).status()).isEqualTo(401);
        assertThat(http.get(WizardJourney.BASE + "/" + candidate.enrollmentId,
                candidate.issuer.token("op-1", "operator")).status()).isEqualTo(403);
    }

    /** ENR-1: outside the registration window nothing can be started. */
    @Test
    void noStartOutsideTheRegistrationWindow() {
        String closed = "T-" + UUID.randomUUID().toString().substring(0, 8);
        WizardJourney.createExam(http, WizardApiFixtures.closedRegistration(ExamDrafts.valid(closed)));
        WizardJourney late = new WizardJourney(http, closed).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");

        Answer answer = late.start(null, null);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemCode()).isEqualTo("REGISTRATION_CLOSED");
        assertThat(answer.json().path("detail").asString()).contains("报名已结束");
    }
}
