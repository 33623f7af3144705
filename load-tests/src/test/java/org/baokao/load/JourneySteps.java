package org.baokao.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.testkit.StackTable;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The steps both bureaus' journeys share ({@link RegistrationDaySimulation}), each at a bureau's API through the
 * gateway ({@code /sd/api}, {@code /sh/api}, BUR-1): the image captcha, an SMS code read from the sandbox inbox, the
 * photo upload, a wait for something asynchronous, and a journey step timed into the {@link JourneyLog} by the level
 * its journey arrived in.
 */
final class JourneySteps {

    static final String SANDBOX = StackTable.urlOf("sandbox");
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");
    static final Duration POLL = Duration.ofMillis(250);
    /** A wait for something asynchronous (identity check, approval, payment) longer than this fails the journey. */
    static final int POLLS = (int) (Duration.ofSeconds(90).toMillis() / POLL.toMillis());

    private final DayRun run;

    JourneySteps(DayRun run) {
        this.run = run;
    }

    /** A step of the journey: a Gatling group of that name, its duration written to the log of its level. */
    ChainBuilder step(String name, ChainBuilder actions) {
        return group(name).on(exec(session -> session.set("step", name).set("stepBegan", System.nanoTime()))
                .exec(actions)
                .exec(session -> {
                    if (!session.isFailed()) {
                        run.log().stepTook(session.getInt("level"), name,
                                System.nanoTime() - session.getLong("stepBegan"));
                    }
                    return session;
                }));
    }

    /** An image captcha and its answer from the sandbox's drop box (ACC-5). */
    static ChainBuilder captcha(String api) {
        return exec(http("captcha").post(api + "/accounts/public/captchas")
                .check(status().is(201), jmesPath("captchaId").saveAs("captchaId")))
                .exec(http("captcha answer (sandbox)").get(SANDBOX + "/sandbox/captcha/api/answers/#{captchaId}")
                        .check(status().is(200), jmesPath("answer").saveAs("captcha")));
    }

    /**
     * A code of {@code purpose} asked for with the captcha of the step before (as the page asks: the captcha first,
     * then 获取验证码), then read from the first SMS to the phone since (the sandbox inbox answers the moment it
     * arrives: Kafka, notification-service, the SMS gateway).
     */
    static ChainBuilder smsCode(String api, String purpose, String form) {
        return exec(session -> session.set("askedAt", System.currentTimeMillis()))
                .exec(http("SMS code: ask").post(api + "/accounts/public/sms-codes/" + purpose).body(StringBody(form))
                        .asJson().check(status().is(202)))
                .exec(http("SMS code: read (sandbox inbox)").get(SANDBOX
                        + "/sandbox/sms/api/messages/latest?phone=#{phone}&sinceEpochMs=#{askedAt}&waitMs=30000")
                        .check(status().is(200), jmesPath("content").transform(JourneySteps::codeIn)
                                .notNull().saveAs("smsCode")));
    }

    /** 上传照片 from the desktop (PHO-2..PHO-4): upload (the quality check runs here), then submit. */
    ChainBuilder photo(String api) {
        return exec(candidate(http("photo upload").post(api + "/photos")
                .bodyPart(ByteArrayBodyPart("photo", this::portraitOf).fileName("me.jpg").contentType("image/jpeg"))
                .asMultipartForm()
                .check(status().is(201), jmesPath("id").saveAs("photoId"))))
                .exec(candidate(http("photo submit").post(api + "/photos/#{photoId}/submit")
                        .check(status().is(200))));
    }

    /**
     * Asks {@code request} (which saves {@code field} into the session) every {@link #POLL} until {@code field}
     * reads {@code value}, as a page waiting for something another service does; a journey that waits longer than
     * {@link #POLLS} polls fails.
     */
    static ChainBuilder pollUntil(String field, String value, HttpRequestActionBuilder request) {
        String counter = field + "Poll";
        return exec(session -> session.remove(field))
                .asLongAs(session -> !value.equals(session.getString(field)) && count(session, counter) < POLLS,
                        counter)
                .on(pause(POLL).exec(request))
                .exec(session -> value.equals(session.getString(field)) ? session : session.markAsFailed());
    }

    /**
     * Asks {@code request} (which saves {@code field} when its answer has it) every {@link #POLL} until the session
     * has {@code field}; a journey that waits longer than {@link #POLLS} polls fails.
     */
    static ChainBuilder pollUntilPresent(String field, HttpRequestActionBuilder request) {
        return pollUntil(field + "Poll", session -> session.contains(field), request);
    }

    /**
     * Asks {@code request} every {@link #POLL} until the session it leaves is {@code done}; a journey that waits
     * longer than {@link #POLLS} polls fails.
     */
    static ChainBuilder pollUntil(String counter, Function<Session, Boolean> done, HttpRequestActionBuilder request) {
        return asLongAs(session -> !done.apply(session) && count(session, counter) < POLLS, counter)
                .on(exec(request).doIf(session -> !done.apply(session)).then(pause(POLL)))
                .exec(session -> done.apply(session) ? session : session.markAsFailed());
    }

    /** A loop's counter (Gatling sets it as the loop starts; absent, nothing was tried yet). */
    static int count(Session session, String counter) {
        return session.contains(counter) ? session.getInt(counter) : 0;
    }

    static HttpRequestActionBuilder candidate(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{accessToken}");
    }

    private byte[] portraitOf(Session session) {
        List<byte[]> portraits = run.portraits();
        return portraits.get((int) (session.userId() % portraits.size()));
    }

    private static String codeIn(String sms) {
        Matcher code = SIX_DIGITS.matcher(sms == null ? "" : sms);
        return code.find() ? code.group(1) : null;
    }
}
