package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Captcha;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.SmsCooldown;
import org.junit.jupiter.api.Test;

/**
 * ACC-6 end to end through the gateway: a captcha (its answer read from the sandbox, as an automated journey
 * does on the local stack), a registration SMS code requested from account-service, carried by Kafka to
 * notification-service, delivered to the sandbox SMS gateway, where the tester reads it; and the phone's cooldown
 * between two codes as the platform announces and enforces it. That cooldown is the stack's: a few seconds on the
 * stack {@code ./baokao test} starts, the production minute on {@code ./baokao up}, whose value account-service's
 * PhoneCooldownTest checks.
 */
class SmsCodeJourneySystemTest {

    private static final HttpProbe SANDBOX = Stack.SANDBOX;
    private static final CandidateJourney JOURNEY = CandidateJourney.onLocalStack();

    @Test
    void aRegistrationCodeReachesTheSandboxSmsInbox() {
        Captcha captcha = JOURNEY.captcha();
        assertThat(captcha.answer()).hasSize(4);
        String phone = randomPhone();

        var sent = requestCode(phone, new Captcha(captcha.id(), captcha.answer().toLowerCase()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().path("maskedPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        Stack.await("the SMS in the sandbox inbox", Duration.ofSeconds(30),
                () -> SANDBOX.get("/sandbox/sms/api/messages/latest?phone=" + phone).status() == 200);
        String text = SANDBOX.get("/sandbox/sms/api/messages/latest?phone=" + phone).json().path("content").asString();
        assertThat(text).contains("验证码").containsPattern("[0-9]{6}").contains("5分钟内有效");
    }

    @Test
    void aSecondCodeWithinTheAnnouncedCooldownIsRefusedWithTheSecondsLeftAndSentOnceTheyArePast() {
        String phone = randomPhone();
        // both captchas first, so that the second request follows the first at once
        Captcha first = JOURNEY.captcha();
        Captcha second = JOURNEY.captcha();

        var sent = requestCode(phone, first);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        long cooldown = sent.json().path("resendAfterSeconds").asLong();
        assertThat(cooldown).as("the cooldown announced with the code").isPositive();

        var refused = requestCode(phone, second);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.problemCode()).isEqualTo("TOO_FREQUENT");
        long left = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(left).as("Retry-After").isBetween(1L, cooldown);
        assertThat(refused.json().path("detail").asString()).isEqualTo("操作过于频繁，请" + left + "秒后再试");

        SmsCooldown told = new SmsCooldown();
        told.note(phone, refused);
        told.awaitNextCode(phone);
        var again = requestCode(phone, JOURNEY.captcha());
        assertThat(again.status()).as("asked again once the seconds said are past: %s", again.body()).isEqualTo(202);
    }

    private static HttpProbe.Answer requestCode(String phone, Captcha captcha) {
        return Stack.GATEWAY.send(Stack.GATEWAY.request("/api/accounts/public/sms-codes/registration")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"captchaId\":\"" + captcha.id()
                        + "\",\"captcha\":\"" + captcha.answer() + "\"}")));
    }

    private static String randomPhone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
