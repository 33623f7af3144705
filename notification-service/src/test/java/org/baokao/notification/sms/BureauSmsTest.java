package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.notification.sms.Eventually.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.notification.bureau.BureauSms;
import org.baokao.notification.bureau.BureauSmsSettings;
import org.baokao.testkit.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BUR-1 for SMS: each bureau's signature and wording, kept from enrollment-service's BureauConfigured (published on
 * the real broker as enrollment-service does), applied to SmsRequested end to end through the sandbox gateway.
 * Bureaus other than sd and sh get made-up codes, so tests cannot see each other's configurations.
 */
@NotificationServiceTest
class BureauSmsTest {

    private static final String PLATFORM_VERIFICATION = "您的验证码为%s，5分钟内有效。请勿将验证码告诉他人。";

    @Autowired
    BureauSmsSettings bureaus;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    JdbcClient jdbc;

    private final KafkaEvents events = KafkaEvents.ofTestServers();
    private final SandboxGateway sandbox = new SandboxGateway();
    private final String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    @BeforeEach
    void healthyGateway() {
        sandbox.healthy();
    }

    @Test
    void theSameTemplateIsSignedByTheBureauItIsSentFor() {
        configure(bureau("sh", "【上海市教育考试院】", Map.of(), Instant.now()));
        String shandongPhone = phone();
        String shanghaiPhone = phone();

        events.publish(verificationCode(shandongPhone, "sd"));
        events.publish(verificationCode(shanghaiPhone, "sh"));

        assertThat(awaitOneSms(shandongPhone)).isEqualTo("【山东省教育招生考试院】" + PLATFORM_VERIFICATION.formatted(code));
        assertThat(awaitOneSms(shanghaiPhone)).isEqualTo("【上海市教育考试院】" + PLATFORM_VERIFICATION.formatted(code));
    }

    @Test
    void aRequestFromBeforeBureausIsShandongs() {
        String phone = phone();

        events.publish(new SmsRequested(UUID.randomUUID(), UUID.randomUUID(), phone, "VERIFICATION_CODE",
                Map.of("code", code, "minutes", "5"), Instant.now()));

        assertThat(awaitOneSms(phone)).isEqualTo("【山东省教育招生考试院】" + PLATFORM_VERIFICATION.formatted(code));
    }

    @Test
    void aBureausOwnWordingOfATemplateReplacesThePlatformsText() {
        String bureau = madeUpBureau();
        configure(bureau(bureau, "【自考办】", Map.of("VERIFICATION_CODE", "自考报名验证码{code}，{minutes}分钟内有效。"),
                Instant.now()));
        String phone = phone();
        String other = phone();

        events.publish(verificationCode(phone, bureau));
        events.publish(new SmsRequested(UUID.randomUUID(), null, other, "PHONE_CHANGED",
                Map.of("maskedPhone", "131****8780"), Instant.now(), bureau));

        assertThat(awaitOneSms(phone)).isEqualTo("【自考办】自考报名验证码" + code + "，5分钟内有效。");
        assertThat(awaitOneSms(other)).as("a template it does not word itself is the platform's")
                .isEqualTo("【自考办】您的报名账号绑定手机号已变更为131****8780。如非本人操作，请立即联系考试机构。");
    }

    @Test
    void aConfigurationOlderThanTheOneHeldIsIgnored() {
        String bureau = madeUpBureau();
        Instant saved = Instant.parse("2026-05-01T08:00:00Z");
        configure(bureau(bureau, "【新签名】", Map.of("VERIFICATION_CODE", "新的验证码{code}"), saved));

        UUID stale = events.publish(bureau(bureau, "【旧签名】", Map.of(), saved.minusSeconds(60)));
        awaitApplied(stale);

        BureauSms held = bureaus.find(bureau).orElseThrow();
        assertThat(held.signature()).isEqualTo("【新签名】");
        assertThat(held.ownWording("VERIFICATION_CODE")).hasValue("新的验证码{code}");
        String phone = phone();
        events.publish(verificationCode(phone, bureau));
        assertThat(awaitOneSms(phone)).isEqualTo("【新签名】新的验证码" + code);

        configure(bureau(bureau, "【更新的签名】", Map.of(), saved.plusSeconds(60)));
        assertThat(bureaus.find(bureau).orElseThrow().ownWording("VERIFICATION_CODE"))
                .as("a later configuration replaces the wordings whole").isEmpty();
    }

    @Test
    void aRequestForABureauNotYetConfiguredIsHeldThenSentOnceItsConfigurationArrives() {
        String bureau = madeUpBureau();
        String phone = phone();
        SmsRequested request = verificationCode(phone, bureau);

        UUID eventId = events.publish(request);

        DeadLetter held = awaitDeadLetter(eventId);
        assertThat(held.error()).startsWith("BureauNotConfiguredException: 考试院 " + bureau);
        assertThat(deliveryOf(request)).hasValue("FAILED 4 BUREAU_NOT_CONFIGURED");
        Eventually.pause(Duration.ofSeconds(1));
        assertThat(sandbox.messages(phone)).as("nothing sent without the bureau's signature").isEmpty();

        configure(bureau(bureau, "【" + bureau + "考试院】", Map.of(), Instant.now()));

        assertThat(awaitOneSms(phone)).isEqualTo("【" + bureau + "考试院】" + PLATFORM_VERIFICATION.formatted(code));
        await("the delivery log to say SENT", () -> deliveryOf(request).orElse("").startsWith("SENT"));
        await("the dead letter to be replayed", () -> deadLetters.find(held.id()).orElseThrow().replayedAt() != null);
        Eventually.pause(Duration.ofSeconds(1));
        assertThat(sandbox.messages(phone)).hasSize(1);
    }

    private static BureauConfigured bureau(String code, String signature, Map<String, String> wordings,
            Instant configuredAt) {
        return new BureauConfigured(code, code + "考试院", code, "EXAM-" + code, "OPEN",
                new BureauConfigured.PasswordRule(6, 16, 1), false, "1", "1", null, signature, wordings, null,
                configuredAt);
    }

    /** Publishes it and waits until this service has applied it. */
    private void configure(BureauConfigured configured) {
        awaitApplied(events.publish(configured));
    }

    private void awaitApplied(UUID eventId) {
        await("BureauConfigured " + eventId + " applied", () -> jdbc.sql(
                "select count(*) from messaging.inbox where consumer = ? and event_id = ?")
                .params("notification-service.bureaus", eventId).query(Long.class).single() == 1);
    }

    private SmsRequested verificationCode(String phone, String bureau) {
        return new SmsRequested(UUID.randomUUID(), UUID.randomUUID(), phone, "VERIFICATION_CODE",
                Map.of("code", code, "minutes", "5"), Instant.now(), bureau);
    }

    private String awaitOneSms(String phone) {
        await("an SMS to " + phone, () -> !sandbox.messages(phone).isEmpty());
        return sandbox.messages(phone).getFirst().content();
    }

    private Optional<String> deliveryOf(SmsRequested request) {
        return jdbc.sql("select status, attempts, failure_reason from sms_delivery where request_id = ?")
                .param(request.requestId())
                .query((row, n) -> row.getString(1) + " " + row.getInt(2) + " "
                        + String.valueOf(row.getString(3)).split(":")[0])
                .optional();
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        await("a dead letter for event " + eventId, () -> deadLetter(eventId).isPresent());
        return deadLetter(eventId).orElseThrow();
    }

    private Optional<DeadLetter> deadLetter(UUID eventId) {
        return deadLetters.open(1000).stream().filter(d -> eventId.equals(d.eventId())).findFirst();
    }

    private static String phone() {
        return "137" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private static String madeUpBureau() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }
}
