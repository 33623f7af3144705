package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.ANSWERS;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.COMPLETE_PROFILE;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.EVENTS;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.PROFILE;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.QUESTIONNAIRE;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.READINESS;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.PhoneVerified;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * SST-4, ENR-8 over HTTP against real PostgreSQL and Kafka: each blocker of course selection appears and goes away by
 * what fixes it — the 个人信息 saved, the phone verified (registration, PhoneVerified, PhoneChanged), the 问卷
 * answered — and a new candidate's payment waits for photo-service's approval.
 */
@ServiceTest
class ReadinessApiTest {

    @LocalServerPort
    int port;

    SelfStudyApi api;
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aBureauOfItsOwn() {
        api = new SelfStudyApi(port);
        token = api.tokenOf(candidate);
    }

    @Test
    @DisplayName("SST-4, ENR-8: a new candidate — phone verified by registering; profile and 问卷 blockers go; pays once APPROVED")
    void aNewCandidate() {
        JsonNode nothing = readiness();
        assertThat(codes(nothing)).as("nothing arrived yet").containsExactly("PROFILE_INCOMPLETE",
                "PHONE_NOT_VERIFIED", "QUESTIONNAIRE_REQUIRED");

        api.registered(candidate, "10246", "B020101");
        JsonNode registered = readiness();
        assertThat(registered.toString()).isEqualTo("{\"mayChoose\":false,\"mayPay\":false,\"blockers\":["
                + "{\"code\":\"PROFILE_INCOMPLETE\",\"message\":\"个人信息不完整：请先补全带*的个人信息\",\"link\":\"/home\"},"
                + "{\"code\":\"QUESTIONNAIRE_REQUIRED\",\"message\":\"请先填写问卷调查\",\"link\":\"/questionnaire\"}],"
                + "\"paymentBlocker\":{\"code\":\"APPROVAL_REQUIRED\",\"message\":\"您的报名信息尚未审核通过，审核通过后才能缴费\","
                + "\"link\":\"/review\"},\"admissionNumber\":null}");

        assertThat(api.send(token, "PUT", PROFILE, COMPLETE_PROFILE).status()).isEqualTo(200);
        assertThat(codes(readiness())).containsExactly("QUESTIONNAIRE_REQUIRED");
        assertThat(api.send(token, "POST", QUESTIONNAIRE, ANSWERS).status()).isEqualTo(201);
        JsonNode chosen = readiness();
        assertThat(chosen.path("mayChoose").asBoolean()).isTrue();
        assertThat(chosen.path("mayPay").asBoolean()).isFalse();

        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "IN_REVIEW", null, Instant.now()));
        JsonNode inReview = Eventually.value("the review", () -> {
            JsonNode view = readiness();
            return view.path("paymentBlocker").path("message").asString().contains("人工审核中") ? view : null;
        });
        assertThat(inReview.path("paymentBlocker").toString()).isEqualTo("{\"code\":\"APPROVAL_REQUIRED\","
                + "\"message\":\"您的报名信息正在人工审核中，审核通过后才能缴费\",\"link\":\"/review\"}");

        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "APPROVED", null, Instant.now()));
        JsonNode approved = Eventually.value("the approval", () -> {
            JsonNode view = readiness();
            return view.path("mayPay").asBoolean() ? view : null;
        });
        assertThat(approved.path("paymentBlocker").isNull()).isTrue();
        assertThat(approved.path("blockers")).isEmpty();
        assertThat(approved.path("admissionNumber").asString()).as("SST-7").matches("2610246\\d{5}");
    }

    @Test
    @DisplayName("SST-4, ACC-9: an imported 在籍考生 is unverified until PhoneVerified; needs no approval to pay")
    void anImportedCandidate() {
        api.imported(candidate, "010124100009");

        JsonNode imported = readiness();
        assertThat(codes(imported)).containsExactly("PROFILE_INCOMPLETE", "PHONE_NOT_VERIFIED", "QUESTIONNAIRE_REQUIRED");
        assertThat(imported.path("blockers").get(1).toString())
                .isEqualTo("{\"code\":\"PHONE_NOT_VERIFIED\",\"message\":\"请先验证手机号码\",\"link\":\"/first-login\"}");
        assertThat(imported.path("paymentBlocker").isNull()).as("在籍考生 have no approval").isTrue();
        assertThat(imported.path("admissionNumber").asString()).isEqualTo("010124100009");

        EVENTS.publish(new PhoneVerified(candidate, api.bureau, "139****0001", Instant.now()));
        Eventually.value("the verification", () -> codes(readiness()).contains("PHONE_NOT_VERIFIED") ? null : true);
        api.send(token, "PUT", PROFILE, COMPLETE_PROFILE);
        api.send(token, "POST", QUESTIONNAIRE, ANSWERS);
        JsonNode ready = readiness();
        assertThat(ready.path("mayChoose").asBoolean()).isTrue();
        assertThat(ready.path("mayPay").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("SST-4, ACC-8: a phone changed (by SMS code or an approved review) is a verified phone")
    void aChangedPhoneIsVerified() {
        api.imported(candidate, "010124100010");
        assertThat(codes(readiness())).contains("PHONE_NOT_VERIFIED");

        EVENTS.publish(new PhoneChanged(candidate, "139****0002", "MANUAL_REVIEW", Instant.now()));

        Eventually.value("the change", () -> codes(readiness()).contains("PHONE_NOT_VERIFIED") ? null : true);
    }

    @Test
    @DisplayName("SST-4, SST-6: course selection and 结算 follow this readiness — refused with its blockers, then "
            + "chosen but not settled until APPROVED")
    void courseRegistrationIsRefusedByTheRealReadiness() {
        String courses = "/api/enrollments/self-study/courses";
        String selection = courses + "/selection";
        String oneCourse = "{\"theory\": [{\"universityCode\": \"10246\", \"courseCode\": \"03709\"}]}";
        api.registered(candidate, "10246", "B020101");

        var notReady = api.send(token, "PUT", selection, oneCourse);
        assertThat(notReady.status()).as(notReady.body()).isEqualTo(409);
        assertThat(notReady.json().path("code").asString()).isEqualTo("COURSES_NOT_READY");
        assertThat(codes(notReady.json())).containsExactly("PROFILE_INCOMPLETE", "QUESTIONNAIRE_REQUIRED");

        assertThat(api.send(token, "PUT", PROFILE, COMPLETE_PROFILE).status()).isEqualTo(200);
        assertThat(api.send(token, "POST", QUESTIONNAIRE, ANSWERS).status()).isEqualTo(201);
        var chosen = api.send(token, "PUT", selection, oneCourse);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        var notApproved = api.send(token, "POST", "/api/enrollments/self-study/course-orders", null);
        assertThat(notApproved.status()).as(notApproved.body()).isEqualTo(409);
        assertThat(notApproved.json().path("code").asString()).isEqualTo("APPROVAL_REQUIRED");

        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "APPROVED", null, Instant.now()));
        Eventually.value("the approval", () -> readiness().path("mayPay").asBoolean() ? true : null);
        var settled = api.send(token, "POST", "/api/enrollments/self-study/course-orders", null);
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        assertThat(settled.json().path("status").asString()).isEqualTo("AWAITING_PLEDGE");
    }

    @Test
    @DisplayName("BUR-1: another bureau's token finds nothing here; operators 403")
    void scope() {
        String elsewhere = org.baokao.testkit.TestServers.issuer().candidateTokenOf("sh", candidate.toString());
        assertThat(api.get(elsewhere, READINESS).status()).isEqualTo(404);
        assertThat(api.get(org.baokao.testkit.TestServers.issuer().token("op-1", "operator"), READINESS).status())
                .isEqualTo(403);
    }

    private JsonNode readiness() {
        var answer = api.get(token, READINESS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> codes(JsonNode readiness) {
        return readiness.path("blockers").valueStream().map(b -> b.path("code").asString()).toList();
    }
}
