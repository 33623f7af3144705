package org.baokao.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.baokao.load.JourneySteps.candidate;
import static org.baokao.load.JourneySteps.captcha;
import static org.baokao.load.JourneySteps.pollUntil;
import static org.baokao.load.JourneySteps.pollUntilPresent;
import static org.baokao.load.JourneySteps.smsCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new Shanghai 自考 candidate, registration to paid courses (seed 004 §3, issue 19), as the web UI and the
 * candidate make it: captcha → SMS code → 新考生注册 (its answer logs in) → photo upload → approval by the
 * comparison (waited for) → the course page lists the university and asks for no approval (waited for: the
 * registration and the approval reach enrollment-service by events) → 个人信息 → 问卷 → two theory courses in two half-day slots → 结算 → 考生报考承诺书 →
 * 公共支付: the QR code's phone page at the sandbox platform, 确认支付 → course order paid (waited for). The calls are
 * those of {@code web/e2e/sh-courses.test.mjs} and of the course-selection benchmark.
 */
final class ShanghaiJourney {

    /** The step after which a journey has paid its one password hash. */
    static final String REGISTER = "sh 03 register";
    /** Shanghai's API through the gateway (BUR-1). */
    private static final String API = "/sh/api";
    private static final String SELF_STUDY = API + "/enrollments/self-study";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JourneySteps steps;
    private final DayRun.ShanghaiSitting sitting;
    /** Each dictionary's first code, by its path: read once, as a browser's cache keeps them. */
    private final Map<String, String> firstCodes = new ConcurrentHashMap<>();

    ShanghaiJourney(JourneySteps steps, DayRun.ShanghaiSitting sitting) {
        this.steps = steps;
        this.sitting = sitting;
    }

    ChainBuilder steps() {
        return exec(
                steps.step("sh 01 captcha", captcha(API)),
                steps.step("sh 02 SMS code (registration)", smsCode(API, "registration",
                        "{\"phone\": \"#{phone}\", \"captchaId\": \"#{captchaId}\", \"captcha\": \"#{captcha}\"}")),
                steps.step(REGISTER, captcha(API).exec(http("register (Shanghai)")
                        .post(API + "/accounts/public/registrations")
                        .body(StringBody("""
                                {"idType": "RESIDENT_ID", "idNumber": "#{idNumber}", "password": "#{password}",
                                 "confirmPassword": "#{password}", "phone": "#{phone}", "smsCode": "#{smsCode}",
                                 "captchaId": "#{captchaId}", "captcha": "#{captcha}", "name": "压测考生",
                                 "universityCode": "%s", "majorCode": "%s", "email": "bench-#{phone}@example.com",
                                 "integrityPledgeVersion": "%s", "acceptPrivacyPolicy": true,
                                 "acceptServiceAgreement": true, "acceptIntegrityPledge": true}"""
                                .formatted(sitting.pick().university(), sitting.pick().major(),
                                        sitting.integrityPledgeVersion()))).asJson()
                        .check(status().is(201), jmesPath("access_token").saveAs("accessToken")))),
                steps.step("sh 04 photo upload", steps.photo(API)),
                steps.step("sh 05 approval (wait)", pollUntil("status", "APPROVED",
                        candidate(http("approval").get(API + "/photos/approval")
                                .check(status().is(200), jmesPath("status").saveAs("status"))))),
                steps.step("sh 06 course page (wait)", pollUntil("coursePagePoll", ShanghaiJourney::mayChoose,
                        candidate(http("course page").get(SELF_STUDY + "/courses").check(status().is(200),
                                jmesPath("universities[0].universityCode").optional().saveAs("university"),
                                jmesPath("length(readiness.blockers[?code=='APPROVAL_REQUIRED'])").ofInt()
                                        .saveAs("approvalBlockers"))))),
                steps.step("sh 07 personal info", personalInfo()),
                steps.step("sh 08 questionnaire", questionnaire()),
                steps.step("sh 09 choose courses", exec(candidate(http("course selection")
                        .put(SELF_STUDY + "/courses/selection").body(StringBody(sitting.pick().selection(true)))
                        .asJson().check(status().is(200))))),
                steps.step("sh 10 settle (结算)", exec(candidate(http("course order")
                        .post(SELF_STUDY + "/course-orders").body(StringBody("{}")).asJson()
                        .check(status().in(200, 201), jmesPath("id").saveAs("courseOrderId"),
                                jmesPath("pledge.version").saveAs("coursePledgeVersion"))))),
                steps.step("sh 11 pledge", exec(candidate(http("course order pledge")
                        .post(SELF_STUDY + "/course-orders/#{courseOrderId}/pledge")
                        .body(StringBody("{\"accept\": true, \"version\": #{coursePledgeVersion}}")).asJson()
                        .check(status().is(200), jmesPath("status").is("PLACED"))))),
                steps.step("sh 12 pay by QR code", payByQrCode()),
                steps.step("sh 13 payment notified (wait)", pollUntil("courseOrderStatus", "PAID",
                        candidate(http("course order view").get(SELF_STUDY + "/course-orders/#{courseOrderId}")
                                .check(status().is(200), jmesPath("status").saveAs("courseOrderStatus"))))));
    }

    /**
     * 个人信息 修改 → 确认提交: the form (it names the dictionaries of its coded fields), each dictionary's first entry
     * (read once for the run), an address.
     */
    private ChainBuilder personalInfo() {
        return exec(candidate(http("personal info form").get(SELF_STUDY + "/profile")
                .check(status().is(200), bodyString().saveAs("profile"))))
                .exec(session -> session.set("unreadDictionaries", unread(session.getString("profile"))))
                .exec(foreach("#{unreadDictionaries}", "dictionary").on(exec(http("dictionary")
                        .get("/sh#{dictionary}")
                        .check(status().is(200), jmesPath("entries[0].code").saveAs("firstCode")))
                        .exec(session -> {
                            firstCodes.put(session.getString("dictionary"), session.getString("firstCode"));
                            return session;
                        })))
                .exec(session -> session.set("profileForm", profileForm(session)))
                .exec(candidate(http("personal info").put(SELF_STUDY + "/profile")
                        .body(StringBody("#{profileForm}")).asJson().check(status().is(200))));
    }

    /** 问卷调查: the sitting's questions, each answered with its first option (a word for a text question). */
    private ChainBuilder questionnaire() {
        return exec(candidate(http("questionnaire").get(SELF_STUDY + "/questionnaire")
                .check(status().is(200), bodyString().saveAs("questionnaire"))))
                .exec(session -> session.set("answers", answers(session.getString("questionnaire"))))
                .exec(candidate(http("questionnaire answers").post(SELF_STUDY + "/questionnaire")
                        .body(StringBody("#{answers}")).asJson().check(status().is(201))));
    }

    /**
     * 公共支付: payment-service opens the fee order once it hears of the course order (asked until it is there);
     * 去缴费 answers the platform's QR code, the phone opens it and presses 确认支付; the platform sends its signed
     * notification.
     */
    private static ChainBuilder payByQrCode() {
        return pollUntilPresent("feeOrderId", candidate(http("fee order")
                .get(API + "/payments/orders?enrollmentId=#{courseOrderId}")
                .check(status().is(200), jmesPath("[0].id").optional().saveAs("feeOrderId"))))
                .exec(candidate(http("pay (QR code)").post(API + "/payments/orders/#{feeOrderId}/pay")
                        .header("Idempotency-Key", "pay-#{feeOrderId}")
                        .check(status().is(200), jmesPath("qrCode").saveAs("qrCode"))))
                .exec(http("platform phone page (sandbox)").get("#{qrCode}").check(status().is(200)))
                .exec(http("platform: confirm payment (sandbox)").post("#{qrCode}").formParam("action", "pay")
                        .check(status().is(200)));
    }

    /**
     * The course page lists the university of registration and no longer asks for the approval: the registration
     * and the comparison's outcome reach enrollment-service by events; until then the page says so and 结算 would
     * be refused (409 {@code COURSES_NOT_READY}).
     */
    private static boolean mayChoose(Session session) {
        return session.contains("university") && session.getInt("approvalBlockers") == 0;
    }

    private List<String> unread(String profile) {
        List<String> unread = new ArrayList<>();
        JSON.readTree(profile).path("dictionaries").forEach(path -> {
            if (!firstCodes.containsKey(path.asString())) {
                unread.add(path.asString());
            }
        });
        return unread;
    }

    private String profileForm(Session session) {
        ObjectNode form = JSON.createObjectNode();
        JSON.readTree(session.getString("profile")).path("dictionaries").properties()
                .forEach(field -> form.put(field.getKey(), firstCodes.get(field.getValue().asString())));
        form.put("mailingAddress", "上海市徐汇区漕溪北路1号");
        form.put("postcode", "200030");
        return JSON.writeValueAsString(form);
    }

    private static String answers(String questionnaire) {
        JsonNode read = JSON.readTree(questionnaire);
        ObjectNode answers = JSON.createObjectNode();
        for (JsonNode question : read.path("questions")) {
            String id = question.path("id").asString();
            String first = question.path("options").isEmpty() ? "无" : question.path("options").get(0).asString();
            switch (question.path("kind").asString()) {
                case "MULTIPLE" -> answers.putArray(id).add(first);
                case "TEXT" -> answers.put(id, "无");
                default -> answers.put(id, first);
            }
        }
        ObjectNode form = JSON.createObjectNode();
        form.set("version", read.path("version"));
        form.set("answers", answers);
        return JSON.writeValueAsString(form);
    }
}
