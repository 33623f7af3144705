package org.baokao.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.testkit.LocalStack;
import org.baokao.testkit.StackTable;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Registration day (issue 23 §1): the complete Shandong candidate journey through the gateway, as the web UI and the
 * candidate make it, one new candidate per arrival: captcha → SMS code → register → captcha → SMS code → login →
 * pledge → photo upload → identity check (waited for) → personal info → exam choice → confirm → pay at the sandbox
 * bank → payment notified (waited for: PAID and COMPLETED) → preview. Each step is a Gatling group named by the
 * step, so the report's group table is the journey's. The calls are those of libs/test-kit's
 * {@code CandidateJourney} and {@code EnrollmentClient} and of {@code EnrollmentJourneySystemTest}; the captcha's
 * answer and the SMS code are read where only the local stack can read them (the sandbox). Each candidate poses as
 * its own client address (the gateway believes {@code X-Forwarded-For} from loopback only), as real candidates come
 * from many, so the per-address limits (GW-1) hold as they would. A failed request ends that journey (the rest of its
 * steps would only fail too) and is counted against the level it arrived in ({@link JourneyLog}).
 */
public class RegistrationDaySimulation extends Simulation {

    /** The step after which a journey has paid both its password hashes. */
    static final String LOGIN = "06 login";
    private static final String EXAM = LocalStack.DEMO_EXAM;
    private static final String SANDBOX = StackTable.urlOf("sandbox");
    /** Shandong's API through the gateway (BUR-1). */
    private static final String API = "/sd/api";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");
    private static final Duration POLL = Duration.ofMillis(250);
    /** A wait for something asynchronous (identity check, payment) longer than this fails the journey. */
    private static final int POLLS = (int) (Duration.ofSeconds(90).toMillis() / POLL.toMillis());

    private final DayRun run = DayRun.current();
    private volatile long firstArrival;

    {
        HttpProtocolBuilder gateway = http.baseUrl(StackTable.urlOf("gateway"))
                .header("X-Forwarded-For", "#{clientAddress}")
                .acceptLanguageHeader("zh-CN,zh;q=0.9")
                .userAgentHeader("baokao-bench-day (Gatling)")
                // the sandbox bank's 303 back to the platform is looked at, not followed (the UI's tab is elsewhere)
                .disableFollowRedirect()
                // a browser answers a 304 from its cache; Gatling would report it as the status: every poll must be
                // read afresh (the enrollment view carries an ETag)
                .disableCaching();

        ChainBuilder journey = exec(this::arrive).exitBlockOnFail().on(
                step("01 captcha", captcha()),
                step("02 SMS code (registration)", smsCode("registration",
                        "{\"phone\": \"#{phone}\", \"captchaId\": \"#{captchaId}\", \"captcha\": \"#{captcha}\"}")),
                step("03 register", captcha().exec(http("register").post(API + "/accounts/public/registrations")
                        .body(StringBody("""
                                {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "password": "#{password}",
                                 "confirmPassword": "#{password}", "phone": "#{phone}", "smsCode": "#{smsCode}",
                                 "captchaId": "#{captchaId}", "captcha": "#{captcha}",
                                 "acceptPrivacyPolicy": true, "acceptServiceAgreement": true}""")).asJson()
                        .check(status().is(201)))),
                step("04 captcha (login)", captcha()),
                step("05 SMS code (login)", smsCode("login", """
                        {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "captchaId": "#{captchaId}",
                         "captcha": "#{captcha}"}""")),
                step(LOGIN, exec(http("login").post(API + "/accounts/public/logins").body(StringBody("""
                        {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "password": "#{password}",
                         "smsCode": "#{smsCode}"}""")).asJson()
                        .check(status().is(200), jmesPath("access_token").saveAs("accessToken")))),
                step("07 pledge", pledge()),
                step("08 photo upload", photo()),
                step("09 identity check (wait)", awaitEnrollment("identityStatus", "PASSED")),
                step("10 personal info", exec(candidate(http("personal info")
                        .put(API + "/enrollments/#{enrollmentId}/personal-info").body(StringBody("""
                                {"version": #{version}, "politicalStatus": "01", "ethnicity": "01",
                                 "foreignLanguage": "1", "mailingAddress": "山东省菏泽市牡丹区中华路1号",
                                 "postcode": "274000", "email": "bench@example.com", "householdProvince": "110000",
                                 "householdCity": "110105", "candidateCategory": "1"}""")).asJson()
                        .check(status().is(200), jmesPath("version").ofInt().saveAs("version"))))),
                step("11 exam choice", exec(candidate(http("exam choice")
                        .put(API + "/enrollments/#{enrollmentId}/exam-choice").body(StringBody(
                                "{\"version\": #{version}, \"examLocation\": \"3701\", \"subjectGroup\": \"MED-TECH\"}"))
                        .asJson().check(status().is(200), jmesPath("version").ofInt().saveAs("version"))))),
                step("12 confirm", exec(candidate(http("confirm")
                        .post(API + "/enrollments/#{enrollmentId}/confirmation")
                        .body(StringBody("{\"version\": #{version}}")).asJson()
                        .check(status().is(200), jmesPath("status").is("CONFIRMED"))))),
                step("13 pay at the bank", payAtBank()),
                step("14 payment notified (wait)", awaitEnrollment("status", "COMPLETED")),
                step("15 preview", exec(candidate(http("preview").get(API + "/enrollments/#{enrollmentId}/preview")
                        .check(status().is(200)))))).exec(this::leave);

        List<OpenInjectionStep> arrivals = new ArrayList<>();
        LoadPlan plan = run.plan();
        for (int n = 0; n < plan.levels(); n++) {
            arrivals.add(constantUsersPerSec(plan.rate(n)).during(plan.level()));
            if (n + 1 < plan.levels() && !plan.ramp().isZero()) {
                arrivals.add(rampUsersPerSec(plan.rate(n)).to(plan.rate(n + 1)).during(plan.ramp()));
            }
        }
        setUp(scenario("Shandong candidate, registration to preview").feed(run.candidates()).exec(journey)
                .injectOpen(arrivals)).protocols(gateway);
    }

    @Override
    public void before() {
        firstArrival = System.nanoTime();
    }

    /** An image captcha and its answer from the sandbox's drop box (ACC-5). */
    private static ChainBuilder captcha() {
        return exec(http("captcha").post(API + "/accounts/public/captchas")
                .check(status().is(201), jmesPath("captchaId").saveAs("captchaId")))
                .exec(http("captcha answer (sandbox)").get(SANDBOX + "/sandbox/captcha/api/answers/#{captchaId}")
                        .check(status().is(200), jmesPath("answer").saveAs("captcha")));
    }

    /**
     * A code of {@code purpose} asked for with the captcha of the step before (as the page asks: the captcha first,
     * then 获取验证码), then read from the first SMS to the phone since (the sandbox inbox answers the moment it
     * arrives: Kafka, notification-service, the SMS gateway).
     */
    private static ChainBuilder smsCode(String purpose, String form) {
        return exec(session -> session.set("askedAt", System.currentTimeMillis()))
                .exec(http("SMS code: ask").post(API + "/accounts/public/sms-codes/" + purpose).body(StringBody(form))
                        .asJson().check(status().is(202)))
                .exec(http("SMS code: read (sandbox inbox)").get(SANDBOX
                        + "/sandbox/sms/api/messages/latest?phone=#{phone}&sinceEpochMs=#{askedAt}&waitMs=30000")
                        .check(status().is(200), jmesPath("content").transform(RegistrationDaySimulation::codeIn)
                                .notNull().saveAs("smsCode")));
    }

    /**
     * 报考承诺: the pledge's version as shown, then accepted. The roster and the registration reach
     * enrollment-service as account-service's events: until they are there it answers 409 PROFILE_NOT_READY, and
     * the UI (and this journey) asks again.
     */
    private ChainBuilder pledge() {
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

    /** 采集个人照片 from the desktop (PHO-2..PHO-4): upload (the quality check runs here), then submit. */
    private ChainBuilder photo() {
        return exec(candidate(http("photo upload").post(API + "/photos")
                .bodyPart(ByteArrayBodyPart("photo", session -> portraitOf(session)).fileName("me.jpg")
                        .contentType("image/jpeg"))
                .asMultipartForm()
                .check(status().is(201), jmesPath("id").saveAs("photoId"))))
                .exec(candidate(http("photo submit").post(API + "/photos/#{photoId}/submit")
                        .check(status().is(200))));
    }

    /**
     * 网上缴费: payment-service opens the order once it hears of the confirmation (asked until it is there), the
     * candidate presses 缴费 and, at the sandbox bank's page, 确认支付; the bank sends its tab back (303) and its
     * signed notification to the platform.
     */
    private ChainBuilder payAtBank() {
        return asLongAs(session -> !session.contains("orderId") && count(session, "orderPoll") < POLLS, "orderPoll")
                .on(exec(candidate(http("fee order").get(API + "/payments/orders?enrollmentId=#{enrollmentId}")
                        .check(status().is(200), jmesPath("[0].id").optional().saveAs("orderId"))))
                        .doIf(session -> !session.contains("orderId")).then(pause(POLL)))
                .exec(session -> session.contains("orderId") ? session : session.markAsFailed())
                .exec(candidate(http("pay").post(API + "/payments/orders/#{orderId}/pay")
                        .header("Idempotency-Key", "pay-#{orderId}")
                        .check(status().is(200), jmesPath("payUrl").saveAs("payUrl"))))
                .exec(http("bank page (sandbox)").get("#{payUrl}").check(status().is(200)))
                .exec(http("bank: confirm payment (sandbox)").post("#{payUrl}").formParam("action", "pay")
                        .check(status().is(303), header("Location").exists()));
    }

    /** Polls the enrollment until {@code field} reads {@code value}; a journey that waits too long fails. */
    private ChainBuilder awaitEnrollment(String field, String value) {
        String counter = field + "Poll";
        return exec(session -> session.remove(field))
                .asLongAs(session -> !value.equals(session.getString(field)) && count(session, counter) < POLLS,
                        counter)
                .on(pause(POLL).exec(candidate(http("enrollment view").get(API + "/enrollments/#{enrollmentId}")
                        .check(status().is(200), jmesPath(field).saveAs(field),
                                jmesPath("version").ofInt().saveAs("version")))))
                .exec(session -> value.equals(session.getString(field)) ? session : session.markAsFailed());
    }

    /** A step of the journey: a Gatling group of that name, its duration written to the log of its level. */
    private ChainBuilder step(String name, ChainBuilder actions) {
        return group(name).on(exec(session -> session.set("step", name).set("stepBegan", System.nanoTime()))
                .exec(actions)
                .exec(session -> {
                    if (!session.isFailed()) {
                        run.log().stepTook(session.getInt("level"), name, System.nanoTime() - session.getLong("stepBegan"));
                    }
                    return session;
                }));
    }

    private Session arrive(Session session) {
        int level = run.plan().levelAt(Duration.ofNanos(System.nanoTime() - firstArrival));
        run.log().began(level);
        return session.set("level", level).set("step", "00 arrival");
    }

    private Session leave(Session session) {
        run.log().ended(session.getInt("level"), !session.isFailed(), session.getString("step"));
        return session;
    }

    private byte[] portraitOf(Session session) {
        List<byte[]> portraits = run.portraits();
        return portraits.get((int) (session.userId() % portraits.size()));
    }

    /** A loop's counter (Gatling sets it as the loop starts; absent, nothing was tried yet). */
    private static int count(Session session, String counter) {
        return session.contains(counter) ? session.getInt(counter) : 0;
    }

    private static HttpRequestActionBuilder candidate(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{accessToken}");
    }

    private static String codeIn(String sms) {
        Matcher code = SIX_DIGITS.matcher(sms == null ? "" : sms);
        return code.find() ? code.group(1) : null;
    }
}
