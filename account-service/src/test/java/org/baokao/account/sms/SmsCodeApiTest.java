package org.baokao.account.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.baokao.account.captcha.CaptchaRevealer;
import org.baokao.account.captcha.Captchas;
import org.baokao.account.support.RevealedCaptchas;
import org.baokao.account.support.SentCodes;
import org.baokao.domain.Refusal;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

/** ACC-6 through the HTTP API, against real PostgreSQL and Kafka. */
@ServiceTest
class SmsCodeApiTest {

    static final RevealedCaptchas REVEALED = RevealedCaptchas.SHARED;

    @TestBean(methodName = "org.baokao.account.support.RevealedCaptchas#shared")
    CaptchaRevealer captchaRevealer;

    @LocalServerPort
    int port;
    @Autowired
    Captchas captchas;
    @Autowired
    SmsCodes codes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCodeGoesOutForAValidCaptchaAndWorksOnce() {
        String phone = randomPhone();

        var sent = requestCode(phone, "10.1.0.1");

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().path("maskedPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(sent.json().path("resendAfterSeconds").asLong()).isEqualTo(60);
        assertThat(sent.body()).doesNotContain(phone);
        String code = SentCodes.latestFor(phone);
        assertThat(code).matches("[0-9]{6}");

        codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(phone), code);
        assertThatThrownBy(() -> codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(phone), code))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SMS_CODE_EXPIRED"));
    }

    @Test
    void noCodeWithoutAValidCaptcha() {
        String phone = randomPhone();
        HttpProbe http = HttpProbe.onLocalPort(port);

        var answer = post(http, "{\"phone\":\"" + phone + "\",\"captchaId\":\"" + UUID.randomUUID()
                + "\",\"captcha\":\"ABCD\"}", "10.1.0.2");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("CAPTCHA_EXPIRED");
        assertThat(jdbc.sql("select count(*) from rate_limit where scope = 'SMS_CLIENT' and subject = '10.1.0.2'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPhoneThatIsNotElevenDigitsIsRefusedAndTheCaptchaKept() {
        var issued = captchas.issue();
        HttpProbe http = HttpProbe.onLocalPort(port);

        var answer = post(http, body("1311234878", issued.captchaId()), "10.1.0.3");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemCode()).isEqualTo("PHONE_INVALID");
        assertThat(answer.json().path("detail").asString()).contains("11位手机号码");
        captchas.verify(issued.captchaId(), REVEALED.answerOf(issued.captchaId()));
    }

    @Test
    void onePhoneGetsOneCodePerMinuteAndTenPerDay() {
        String phone = randomPhone();
        assertThat(requestCode(phone, "10.1.0.4").status()).isEqualTo(202);

        var again = requestCode(phone, "10.1.0.4");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.problemCode()).isEqualTo("TOO_FREQUENT");
        assertThat(again.json().path("detail").asString()).matches("操作过于频繁，请\\d+秒后再试");

        jdbc.sql("update rate_limit set last_at = last_at - interval '61 seconds' where scope like 'SMS_PHONE%'").update();
        assertThat(requestCode(phone, "10.1.0.4").status()).isEqualTo(202);

        jdbc.sql("""
                update rate_limit set last_at = last_at - interval '61 seconds', day_count = 10
                where scope like 'SMS_PHONE%'""").update();
        var capped = requestCode(phone, "10.1.0.4");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.problemCode()).isEqualTo("DAILY_LIMIT_REACHED");
    }

    @Test
    void acc6_aCaptchaRefusedOnlyByTheCooldownIsNotBurnt() {
        String phone = randomPhone();
        assertThat(requestCode(phone, "10.1.0.8").status()).isEqualTo(202);
        var issued = captchas.issue();
        HttpProbe http = HttpProbe.onLocalPort(port);

        var tooSoon = post(http, body(phone, issued.captchaId()), "10.1.0.8");
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.problemCode()).isEqualTo("TOO_FREQUENT");
        assertThat(tooSoon.header("Retry-After")).isPresent();

        // the candidate waits the seconds said and sends the same captcha again: it still works, once
        jdbc.sql("update rate_limit set last_at = last_at - interval '61 seconds' where scope like 'SMS_PHONE%'").update();
        assertThat(post(http, body(phone, issued.captchaId()), "10.1.0.8").status()).isEqualTo(202);
        var again = post(http, body(randomPhone(), issued.captchaId()), "10.1.0.8");
        assertThat(again.problemCode()).as("used up by the code it got").isEqualTo("CAPTCHA_EXPIRED");
    }

    @Test
    void eachClientAddressHasItsOwnDailyCap() {
        jdbc.sql("""
                insert into rate_limit (scope, subject, day, day_count, last_at)
                values ('SMS_CLIENT', '10.9.9.9', (now() at time zone 'Asia/Shanghai')::date, 200, now())""").update();

        var capped = requestCode(randomPhone(), "10.9.9.9");
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.problemCode()).isEqualTo("DAILY_LIMIT_REACHED");
        assertThat(requestCode(randomPhone(), "10.9.9.10").status()).isEqualTo(202);
    }

    @Test
    void anotherPhonesCodeAWrongCodeAndTooManyTriesAreRefused() {
        String mine = randomPhone();
        String other = randomPhone();
        requestCode(mine, "10.1.0.5");
        requestCode(other, "10.1.0.5");
        String otherCode = SentCodes.latestFor(other);
        String myCode = SentCodes.latestFor(mine);
        String wrong = myCode.equals("000000") ? "111111" : "000000";

        if (!otherCode.equals(myCode)) {
            assertThatThrownBy(() -> codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(mine), otherCode))
                    .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SMS_CODE_WRONG"));
        }
        assertThatThrownBy(() -> codes.consume(SmsPurpose.LOGIN, "sd", new PhoneNumber(mine), myCode))
                .as("a registration code is no login code")
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SMS_CODE_EXPIRED"));
        int wrongTries = otherCode.equals(myCode) ? 5 : 4;
        for (int i = 0; i < wrongTries; i++) {
            assertThatThrownBy(() -> codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(mine), wrong))
                    .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SMS_CODE_WRONG"));
        }
        assertThatThrownBy(() -> codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(mine), myCode))
                .as("the fifth wrong try (the other phone's code counted) used the code up")
                .isInstanceOf(Refusal.class);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String phone = randomPhone();
        requestCode(phone, "10.1.0.6");
        String code = SentCodes.latestFor(phone);
        jdbc.sql("update sms_code set expires_at = now() - interval '1 second' where used_at is null").update();

        assertThatThrownBy(() -> codes.consume(SmsPurpose.REGISTER, "sd", new PhoneNumber(phone), code))
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SMS_CODE_EXPIRED"));
    }

    @Test
    void theDatabaseKeepsNeitherThePhoneNorTheCode() {
        String phone = randomPhone();
        requestCode(phone, "10.1.0.7");
        String code = SentCodes.latestFor(phone);

        String everything = jdbc.sql("select string_agg(t::text, ' ') from (select * from sms_code) t")
                .query(String.class).single()
                + jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from (select * from rate_limit) t")
                        .query(String.class).single()
                + jdbc.sql("select coalesce(string_agg(envelope, ' '), '') from messaging.outbox")
                        .query(String.class).single();
        assertThat(everything).doesNotContain(phone).doesNotContain("\"" + code + "\"");
    }

    private HttpProbe.Answer requestCode(String phone, String clientAddress) {
        var issued = captchas.issue();
        return post(HttpProbe.onLocalPort(port), body(phone, issued.captchaId()), clientAddress);
    }

    private String body(String phone, UUID captchaId) {
        return "{\"phone\":\"" + phone + "\",\"captchaId\":\"" + captchaId + "\",\"captcha\":\""
                + REVEALED.answerOf(captchaId) + "\"}";
    }

    private static HttpProbe.Answer post(HttpProbe http, String json, String clientAddress) {
        return http.send(http.request("/api/accounts/public/sms-codes/registration")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String randomPhone() {
        return "13" + String.format("%09d", (long) (Math.random() * 1_000_000_000L));
    }
}
