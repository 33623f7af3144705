package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.enrollment.EnrollmentAmended;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Steps 5 to 7 over HTTP, payments over Kafka: identity gate and locks (ENR-5), payment, preview and edits (ENR-7). */
@ServiceTest
class ConfirmationApiTest {

    static final String MED_AT_HEZE = "{\"examLocation\": \"3717\", \"subjectGroup\": \"MED\"}";

    @LocalServerPort
    int port;

    HttpProbe http;
    String examCode = "T-" + UUID.randomUUID().toString().substring(0, 8);
    WizardJourney candidate;

    @BeforeEach
    void aCandidateAtStepFive() {
        http = HttpProbe.onLocalPort(port);
        WizardJourney.createExam(http, ExamDrafts.valid(examCode));
        candidate = new WizardJourney(http, examCode).registered("SCHOOL_RECOMMENDED", "620403", "医学影像技术");
        candidate.started();
    }

    /** ENR-5: no confirmation before 比对通过; nothing changes. */
    @Test
    void confirmationNeedsAPassedIdentityCheck() {
        candidate.photoAccepted();
        int version = candidate.awaitState(view -> view.path("status").asString().equals("PHOTO_DONE"))
                .path("version").asInt();
        candidate.putPersonalInfo(WizardJourney.personalInfo(), version);
        Answer choice = candidate.putExamChoice(MED_AT_HEZE, version + 1);
        assertThat(choice.status()).isEqualTo(200);

        Answer refused = candidate.confirm(version + 2);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("IDENTITY_NOT_VERIFIED");
        assertThat(refused.json().path("detail").asString()).contains("核验中").contains("比对通过");
        JsonNode after = candidate.get();
        assertThat(after.path("status").asString()).isEqualTo("EXAM_CHOICE_SAVED");
        assertThat(after.path("version").asInt()).isEqualTo(version + 2);
        assertThat(after.path("lockedFields")).isEmpty();
    }

    /** ENR-5, PAY-1: confirmation fixes the fees, locks the fields and publishes EnrollmentConfirmed. */
    @Test
    void confirmationLocksAndPublishesTheFees() {
        int version = candidate.readyToConfirm(MED_AT_HEZE).path("version").asInt();

        Answer confirmed = candidate.confirm(version);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode view = confirmed.json();
        assertThat(view.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.path("identityStatusName").asString()).isEqualTo("比对通过");
        assertThat(view.path("fees").path("items").valueStream().map(item -> item.path("name").asString()).toList())
                .containsExactly("报名", "英语", "计算机", "大学语文", "高等数学II");
        assertThat(view.path("fees").path("totalFen").asLong()).isEqualTo(23000);
        assertThat(view.path("fees").path("paymentStatusName").asString()).isEqualTo("未缴费");
        assertThat(view.path("lockedFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("householdProvince", "householdCity", "examLocation", "subjectGroup",
                        "concurrentApplication", "concurrentMajor");
        assertThat(view.path("editableFields")).isEmpty();
        assertThat(view.path("nextStep").path("title").asString()).isEqualTo("网上缴费");

        Answer doubleClick = candidate.confirm(version);
        assertThat(doubleClick.status()).isEqualTo(200);
        assertThat(doubleClick.json().path("version").asInt()).isEqualTo(view.path("version").asInt());

        int now = view.path("version").asInt();
        Answer edit = candidate.putExamChoice("{\"examLocation\": \"3701\", \"subjectGroup\": \"MED\"}", now);
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.problemCode()).isEqualTo("STEP_NOT_ALLOWED");
        Answer household = candidate.putPersonalInfo(WizardJourney.personalInfo().replace("110105", "110101"), now);
        assertThat(household.problemCode()).isEqualTo("STEP_NOT_ALLOWED");
        assertThat(candidate.get().path("examChoice").path("examLocation").asString()).isEqualTo("3717");

        assertThat(WizardJourney.published(EnrollmentConfirmed.class,
                event -> event.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(event -> {
                    assertThat(event.examLocationCode()).isEqualTo("3717");
                    assertThat(event.totalFen()).isEqualTo(23000);
                    assertThat(event.feeItems().getFirst())
                            .isEqualTo(new EnrollmentConfirmed.FeeItem("REGISTRATION", "报名", 3000));
                    assertThat(event.subjectGroupCode()).isEqualTo("MED");
                    // PAY-3: payment-service enforces and shows the exam's payment window from the event
                    assertThat(event.paymentOpensAt()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
                    assertThat(event.paymentClosesAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
                    assertThat(event.paymentDailyOpens()).isEqualTo("08:00");
                    assertThat(event.paymentDailyCloses()).isEqualTo("22:00");
                    assertThat(event.examName()).isEqualTo("2023年普通高等教育专升本考试");
                    // BUR-1: payment-service picks the bureau's channel rules and receipt name by it
                    assertThat(event.bureau()).isEqualTo("sd");
                });
    }

    /** Step 6 and ENR-7: PaymentSucceeded completes (once), the preview shows the manual's four sections. */
    @Test
    void paymentCompletesAndThePreviewShowsEverything() {
        candidate.confirm(candidate.readyToConfirm(MED_AT_HEZE).path("version").asInt());
        UUID order = UUID.randomUUID();
        PaymentSucceeded paid = new PaymentSucceeded(order, candidate.enrollmentId, candidate.candidateId, 23000,
                "CEB", "CEB2023041200001", Instant.now());
        UUID eventId = UUID.randomUUID();
        WizardJourney.publish(eventId, paid);

        JsonNode done = candidate.awaitState(view -> view.path("status").asString().equals("COMPLETED"));

        assertThat(done.path("orderId").asString()).isEqualTo(order.toString());
        assertThat(done.path("fees").path("paymentStatusName").asString()).isEqualTo("已缴费");
        WizardJourney.publish(eventId, paid); // the same event again (a redelivery)
        WizardJourney.publish(new PaymentSucceeded(UUID.randomUUID(), candidate.enrollmentId, candidate.candidateId,
                23000, "CEB", "CEB2023041200002", Instant.now())); // a second payment: payment-service refunds it
        assertThat(WizardJourney.published(EnrollmentCompleted.class,
                event -> event.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(event -> assertThat(event.orderId()).isEqualTo(order));
        assertThat(candidate.get().path("orderId").asString()).isEqualTo(order.toString());

        Answer preview = candidate.preview();
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.path("notice").asString()).contains("你已完成网上报名");
        assertThat(p.path("identityStatusName").asString()).isEqualTo("比对通过");
        assertThat(p.path("household").path("provinceName").asString()).isEqualTo("北京市");
        assertThat(p.path("household").path("cityName").asString()).isEqualTo("朝阳区");
        assertThat(p.path("school").path("majorCode").asString()).isEqualTo("620403");
        assertThat(p.path("school").path("foreignLanguageName").asString()).isEqualTo("英语");
        assertThat(p.path("subjects").path("subjectNames").asString()).isEqualTo("英语、计算机、大学语文、高等数学II");
        assertThat(p.path("personalInfo").path("politicalStatusName").asString()).isEqualTo("中共党员");
        assertThat(p.path("candidate").path("candidateTypeName").asString()).isEqualTo("校荐");
    }

    /** ENR-7: after payment only the configured fields change (EnrollmentAmended names them); others are locked. */
    @Test
    void aCompletedEnrollmentAllowsTheConfiguredEdits() {
        candidate.confirm(candidate.readyToConfirm(MED_AT_HEZE).path("version").asInt());
        WizardJourney.publish(new PaymentSucceeded(UUID.randomUUID(), candidate.enrollmentId, candidate.candidateId,
                23000, "CEB", "CEB2023041200003", Instant.now()));
        int version = candidate.awaitState(view -> view.path("status").asString().equals("COMPLETED"))
                .path("version").asInt();

        Answer amended = candidate.patch("{\"email\": \"new@example.com\", \"mailingAddress\": \"山东省菏泽市牡丹区中华路1号\"}",
                version);
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().path("personalInfo").path("email").asString()).isEqualTo("new@example.com");
        assertThat(amended.json().path("editableFields").valueStream().map(JsonNode::asString).toList())
                .containsExactly("mailingAddress", "postcode", "email");
        int after = amended.json().path("version").asInt();

        Answer locked = candidate.patch("{\"householdCity\": \"110101\"}", after);
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.problemCode()).isEqualTo("FIELD_LOCKED");
        assertThat(locked.json().path("detail").asString()).contains("户籍所在市");
        Answer category = candidate.patch("{\"politicalStatus\": \"13\"}", after);
        assertThat(category.problemCode()).isEqualTo("FIELD_LOCKED");
        Answer bad = candidate.patch("{\"postcode\": \"27400\"}", after);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("POSTCODE_INVALID");
        Answer replay = candidate.patch("{\"email\": \"new@example.com\"}", version);
        assertThat(replay.status()).as("a replayed edit").isEqualTo(200);
        assertThat(candidate.get().path("version").asInt()).isEqualTo(after);
        assertThat(candidate.get().path("personalInfo").path("householdCity").asString()).isEqualTo("110105");

        assertThat(WizardJourney.published(EnrollmentAmended.class,
                event -> event.enrollmentId().equals(candidate.enrollmentId), 1))
                .singleElement().satisfies(event -> assertThat(event.fields()).containsExactly("email"));

        // ENR-1: once registration closes, not even these edits are possible
        WizardJourney.updateExam(http, WizardApiFixtures.closedRegistration(ExamDrafts.valid(examCode)));
        Answer closed = candidate.patch("{\"email\": \"late@example.com\"}", after);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.problemCode()).isEqualTo("REGISTRATION_CLOSED");
        assertThat(candidate.get().path("personalInfo").path("email").asString()).isEqualTo("new@example.com");
    }

    /** A refund of the paying order makes the enrollment unpaid again; it stays confirmed and locked. */
    @Test
    void aRefundOfThePayingOrderMakesItUnpaidAgain() {
        candidate.confirm(candidate.readyToConfirm(MED_AT_HEZE).path("version").asInt());
        UUID order = UUID.randomUUID();
        WizardJourney.publish(new PaymentSucceeded(order, candidate.enrollmentId, candidate.candidateId, 23000,
                "UNIONPAY", "UP1", Instant.now()));
        candidate.awaitState(view -> view.path("status").asString().equals("COMPLETED"));

        WizardJourney.publish(new PaymentRefunded(UUID.randomUUID(), order, candidate.enrollmentId,
                candidate.candidateId, 23000, "CHARGEBACK", Instant.now()));

        JsonNode view = candidate.awaitState(v -> v.path("status").asString().equals("CONFIRMED"));
        assertThat(view.path("fees").path("paymentStatusName").asString()).isEqualTo("未缴费");
        assertThat(view.path("lockedFields")).isNotEmpty();
        assertThat(view.path("lastRefundedAt").isNull()).isFalse();
    }
}
