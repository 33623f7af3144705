package org.baokao.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.baokao.load.JourneySteps.POLL;
import static org.baokao.load.JourneySteps.POLLS;
import static org.baokao.load.JourneySteps.candidate;
import static org.baokao.load.JourneySteps.captcha;
import static org.baokao.load.JourneySteps.count;
import static org.baokao.load.JourneySteps.pollUntil;
import static org.baokao.load.JourneySteps.pollUntilPresent;
import static org.baokao.load.JourneySteps.smsCode;

import org.baokao.testkit.LocalStack;

import io.gatling.javaapi.core.ChainBuilder;

/**
 * A Shandong 专升本 candidate on the roster, registration to preview, as the web UI and the candidate make it:
 * captcha → SMS code → register → captcha → SMS code → login → pledge → photo upload → identity check (waited for) →
 * personal info → exam choice → confirm → pay at the sandbox bank → payment notified (waited for: PAID and
 * COMPLETED) → preview. The calls are those of libs/test-kit's {@code CandidateJourney} and {@code EnrollmentClient}
 * and of {@code EnrollmentJourneySystemTest}.
 */
final class ShandongJourney {

    /** The step after which a journey has paid both its password hashes. */
    static final String LOGIN = "06 login";
    private static final String EXAM = LocalStack.DEMO_EXAM;
    /** Shandong's API through the gateway (BUR-1). */
    private static final String API = "/sd/api";

    private final JourneySteps steps;

    ShandongJourney(JourneySteps steps) {
        this.steps = steps;
    }

    ChainBuilder steps() {
        return exec(
                steps.step("01 captcha", captcha(API)),
                steps.step("02 SMS code (registration)", smsCode(API, "registration",
                        "{\"phone\": \"#{phone}\", \"captchaId\": \"#{captchaId}\", \"captcha\": \"#{captcha}\"}")),
                steps.step("03 register", captcha(API).exec(http("register")
                        .post(API + "/accounts/public/registrations")
                        .body(StringBody("""
                                {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "password": "#{password}",
                                 "confirmPassword": "#{password}", "phone": "#{phone}", "smsCode": "#{smsCode}",
                                 "captchaId": "#{captchaId}", "captcha": "#{captcha}",
                                 "acceptPrivacyPolicy": true, "acceptServiceAgreement": true}""")).asJson()
                        .check(status().is(201)))),
                steps.step("04 captcha (login)", captcha(API)),
                steps.step("05 SMS code (login)", smsCode(API, "login", """
                        {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "captchaId": "#{captchaId}",
                         "captcha": "#{captcha}"}""")),
                steps.step(LOGIN, exec(http("login").post(API + "/accounts/public/logins").body(StringBody("""
                        {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "password": "#{password}",
                         "smsCode": "#{smsCode}"}""")).asJson()
                        .check(status().is(200), jmesPath("access_token").saveAs("accessToken")))),
                steps.step("07 pledge", pledge()),
                steps.step("08 photo upload", steps.photo(API)),
                steps.step("09 identity check (wait)", awaitEnrollment("identityStatus", "PASSED")),
                steps.step("10 personal info", exec(candidate(http("personal info")
                        .put(API + "/enrollments/#{enrollmentId}/personal-info").body(StringBody("""
                                {"version": #{version}, "politicalStatus": "01", "ethnicity": "01",
                                 "foreignLanguage": "1", "mailingAddress": "山东省菏泽市牡丹区中华路1号",
                                 "postcode": "274000", "email": "bench@example.com", "householdProvince": "110000",
                                 "householdCity": "110105", "candidateCategory": "1"}""")).asJson()
                        .check(status().is(200), jmesPath("version").ofInt().saveAs("version"))))),
                steps.step("11 exam choice", exec(candidate(http("exam choice")
                        .put(API + "/enrollments/#{enrollmentId}/exam-choice").body(StringBody(
                                "{\"version\": #{version}, \"examLocation\": \"3701\", \"subjectGroup\": \"MED-TECH\"}"))
                        .asJson().check(status().is(200), jmesPath("version").ofInt().saveAs("version"))))),
                steps.step("12 confirm", exec(candidate(http("confirm")
                        .post(API + "/enrollments/#{enrollmentId}/confirmation")
                        .body(StringBody("{\"version\": #{version}}")).asJson()
                        .check(status().is(200), jmesPath("status").is("CONFIRMED"))))),
                steps.step("13 pay at the bank", payAtBank()),
                steps.step("14 payment notified (wait)", awaitEnrollment("status", "COMPLETED")),
                steps.step("15 preview", exec(candidate(http("preview")
                        .get(API + "/enrollments/#{enrollmentId}/preview").check(status().is(200))))));
    }

    /**
     * 报考承诺: the pledge's version as shown, then accepted. The roster and the registration reach
     * enrollment-service as account-service's events: until they are there it answers 409 PROFILE_NOT_READY, and
     * the UI (and this journey) asks again.
     */
    private static ChainBuilder pledge() {
        return exec(http("pledge text").get(API + "/enrollments/public/exams/" + EXAM + "/pledge")
                .check(status().is(200), jmesPath("version").ofInt().saveAs("pledgeVersion")))
                .asLongAs(session -> !session.contains("enrollmentId") && count(session, "pledgeTry") < POLLS,
                        "pledgeTry")
                .on(exec(candidate(http("pledge accept").post(API + "/enrollments/exams/" + EXAM + "/enrollment")
                        .body(StringBody("{\"accepted\": true, \"pledgeVersion\": #{pledgeVersion}}")).asJson()
                        .check(status().in(201, 409))
                        .checkIf((response, session) -> response.status().code() == 409)
                        .then(jmesPath("code").is("PROFILE_NOT_READY"))
                        .checkIf((response, session) -> response.status().code() == 201)
                        .then(jmesPath("id").saveAs("enrollmentId"))))
                        .doIf(session -> !session.contains("enrollmentId")).then(pause(POLL)))
                .exec(session -> session.contains("enrollmentId") ? session : session.markAsFailed());
    }

    /**
     * 网上缴费: payment-service opens the order once it hears of the confirmation (asked until it is there), the
     * candidate presses 缴费 and, at the sandbox bank's page, 确认支付; the bank sends its tab back (303) and its
     * signed notification to the platform.
     */
    private static ChainBuilder payAtBank() {
        return pollUntilPresent("orderId", candidate(http("fee order")
                .get(API + "/payments/orders?enrollmentId=#{enrollmentId}")
                .check(status().is(200), jmesPath("[0].id").optional().saveAs("orderId"))))
                .exec(candidate(http("pay").post(API + "/payments/orders/#{orderId}/pay")
                        .header("Idempotency-Key", "pay-#{orderId}")
                        .check(status().is(200), jmesPath("payUrl").saveAs("payUrl"))))
                .exec(http("bank page (sandbox)").get("#{payUrl}").check(status().is(200)))
                .exec(http("bank: confirm payment (sandbox)").post("#{payUrl}").formParam("action", "pay")
                        .check(status().is(303), header("Location").exists()));
    }

    /** Polls the enrollment until {@code field} reads {@code value}. */
    private static ChainBuilder awaitEnrollment(String field, String value) {
        return pollUntil(field, value, candidate(http("enrollment view").get(API + "/enrollments/#{enrollmentId}")
                .check(status().is(200), jmesPath(field).saveAs(field),
                        jmesPath("version").ofInt().saveAs("version"))));
    }
}
