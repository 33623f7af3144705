package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Step 4 over HTTP (ENR-4): location, subject group by junior-college major, 是否兼报, 不需要考试. */
@ServiceTest
class ExamChoiceApiTest {

    @LocalServerPort
    int port;

    HttpProbe http;
    String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anExam() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, WizardApiFixtures.noExamFor(ExamDrafts.valid(examCode), "4"));
    }

    private WizardJourney atStepFour(String candidateType) {
        WizardJourney candidate = new WizardJourney(http, examCode).registered(candidateType, "620403", "医学影像技术");
        candidate.started();
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();
        assertThat(candidate.putPersonalInfo(WizardJourney.personalInfo(), version).status()).isEqualTo(200);
        return candidate;
    }

    /** ENR-4: the manual's example — 620403 医学影像技术 at 菏泽市 takes 英语、计算机、大学语文、高等数学II. */
    @Test
    void aGroupOfferedToTheMajorIsSavedWithItsSubjectsAndScope() {
        WizardJourney candidate = atStepFour("SCHOOL_RECOMMENDED");

        Answer saved = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}",
                candidate.version());

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode choice = saved.json().path("examChoice");
        assertThat(saved.json().path("status").asString()).isEqualTo("EXAM_CHOICE_SAVED");
        assertThat(choice.path("examLocationName").asString()).isEqualTo("菏泽市");
        assertThat(choice.path("subjectNames").asString()).isEqualTo("英语、计算机、大学语文、高等数学II");
        assertThat(choice.path("scopeNames").asString()).isEqualTo("医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫");
        assertThat(choice.path("sitsExam").asBoolean()).isTrue();
        assertThat(choice.path("concurrentApplicationShown").asBoolean()).as("not a 3+2 candidate").isFalse();
        assertThat(saved.json().path("nextStep").path("title").asString()).isEqualTo("确认报考信息");
    }

    /** ENR-4: a location outside the exam, a group not offered to the major, 兼报 from a non-3+2: 400, unchanged. */
    @Test
    void choicesOutsideTheCatalogueAreRefused() {
        WizardJourney candidate = atStepFour("SCHOOL_RECOMMENDED");
        int version = candidate.version();

        Answer location = candidate.putExamChoice("{\"examLocation\": \"3705\", \"subjectGroup\": \"MED\"}", version);
        assertThat(location.status()).isEqualTo(400);
        assertThat(location.problemCode()).isEqualTo("LOCATION_NOT_IN_EXAM");
        assertThat(location.json().path("field").asString()).isEqualTo("examLocation");

        Answer group = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"SCI\"}", version);
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.problemCode()).isEqualTo("SUBJECT_GROUP_NOT_OFFERED");
        assertThat(group.json().path("detail").asString()).contains("医学影像技术");

        Answer concurrent = candidate.putExamChoice(
                "{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\", \"concurrentApplication\": false}", version);
        assertThat(concurrent.status()).isEqualTo(400);
        assertThat(concurrent.problemCode()).isEqualTo("CONCURRENT_APPLICATION_NOT_ALLOWED");

        JsonNode after = candidate.get();
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(after.path("status").asString()).isEqualTo("PERSONAL_INFO_SAVED");
        assertThat(after.path("examChoice").isNull()).isTrue();
    }

    /** ENR-4: 3+2 candidates answer 是否兼报, 否 by default; 是 names its 对应的专业 (seed 000 §2.4), kept and shown. */
    @Test
    void threePlusTwoCandidatesAnswerConcurrentApplication() {
        WizardJourney candidate = atStepFour("THREE_PLUS_TWO");

        Answer byDefault = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}",
                candidate.version());
        assertThat(byDefault.status()).as(byDefault.body()).isEqualTo(200);
        assertThat(byDefault.json().path("examChoice").path("concurrentApplicationShown").asBoolean()).isTrue();
        assertThat(byDefault.json().path("examChoice").path("concurrentApplicationName").asString()).isEqualTo("否");

        assertThat(byDefault.json().path("examChoice").path("concurrentMajor").isNull()).isTrue();

        Answer noMajor = candidate.putExamChoice(
                "{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\", \"concurrentApplication\": true}",
                byDefault.json().path("version").asInt());
        assertThat(noMajor.status()).isEqualTo(400);
        assertThat(noMajor.problemCode()).isEqualTo("CONCURRENT_MAJOR_REQUIRED");
        assertThat(noMajor.json().path("field").asString()).isEqualTo("concurrentMajor");
        assertThat(noMajor.json().path("detail").asString()).isEqualTo("选择兼报时，请填写兼报对应的专业");

        Answer yes = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\", "
                + "\"concurrentApplication\": true, \"concurrentMajor\": \"医学影像技术\"}",
                byDefault.json().path("version").asInt());
        assertThat(yes.status()).as(yes.body()).isEqualTo(200);
        assertThat(yes.json().path("examChoice").path("concurrentApplicationName").asString()).isEqualTo("是");
        assertThat(yes.json().path("examChoice").path("concurrentMajor").asString()).isEqualTo("医学影像技术");
        assertThat(candidate.get().path("examChoice").path("concurrentMajor").asString()).as("stored")
                .isEqualTo("医学影像技术");
    }

    /** ENR-4, PAY-1: a no-exam 考生类别 sees 不需要考试, picks no group, and owes nothing at confirmation. */
    @Test
    void aNoExamCategorySitsNoExamAndCompletesAtConfirmation() {
        WizardJourney candidate = atStepFour("SCHOOL_RECOMMENDED");
        Answer category = candidate.putPersonalInfo(WizardJourney.personalInfo().replace(
                "\"candidateCategory\": \"1\"", "\"candidateCategory\": \"4\""), candidate.version());
        assertThat(category.status()).as(category.body()).isEqualTo(200);

        Answer withGroup = candidate.putExamChoice("{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}",
                candidate.version());
        assertThat(withGroup.problemCode()).isEqualTo("SUBJECT_GROUP_NOT_NEEDED");
        Answer saved = candidate.putExamChoice("{\"examLocation\": \"3717\"}", candidate.version());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("examChoice").path("examNote").asString()).isEqualTo("不需要考试");

        candidate.identityVerified();
        int version = candidate.awaitState(view -> view.path("identityStatus").asString().equals("PASSED"))
                .path("version").asInt();
        Answer confirmed = candidate.confirm(version);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(confirmed.json().path("fees").path("paymentStatusName").asString()).isEqualTo("无需缴费");
        assertThat(WizardJourney.published(org.baokao.events.enrollment.EnrollmentCompleted.class,
                completed -> completed.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(completed -> assertThat(completed.orderId()).isNull());
    }
}
