package org.baokao.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.events.Topics;
import org.baokao.events.notification.EmailRequested;
import org.baokao.messaging.deadletter.DeadLetter;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestServers;
import org.baokao.testkit.TestSmtp;
import org.baokao.testkit.TestSmtp.Mail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * NOT-1 and NOT-2 for e-mail, end to end: an {@link EmailRequested} committed through the outbox travels over the
 * real Kafka broker to this service, which sends it over SMTP to a real mail server (the test kit's GreenMail) and
 * records it in PostgreSQL. Every test also checks ACC-6 on what the run logged: neither the code nor the address.
 */
@NotificationServiceTest
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    private static final String BUREAU_NAME = "上海市教育考试院";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CircuitBreakerRegistry breakers;
    @LocalServerPort
    int port;

    private final TestSmtp smtp = TestServers.smtp();
    private final String mailbox = "kaosheng" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    private final String address = mailbox + "@example.com";
    private final String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    // one candidate per test: its requests share a partition and stay in order
    private final UUID candidate = UUID.randomUUID();

    @BeforeEach
    void serverUpAndBreakerClosed() {
        smtp.up();
        breaker().reset();
    }

    @AfterEach
    void serverUpForTheNextTest() {
        smtp.up();
    }

    @Test
    void aRequestedPasswordResetCodeArrivesAsOneMailInChineseSignedByTheBureau(CapturedOutput output) {
        double sentBefore = count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE", "outcome", "sent");
        EmailRequested request = passwordResetCode();

        commit(request);

        Mail mail = awaitOneMail();
        assertThat(mail.subject()).isEqualTo("上海市教育考试院：找回密码验证码");
        assertThat(mail.body()).contains("您正在通过电子邮箱找回上海市教育考试院报名系统的登录密码", "\n" + code + "\n",
                "验证码15分钟内有效").endsWith("上海市教育考试院\n（本邮件由系统自动发送，请勿直接回复）");
        assertThat(mail.from()).isEqualTo("上海市教育考试院 <noreply@baokao.local>");
        assertThat(mail.contentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(mail.messageId()).isEqualTo("<" + request.requestId() + "@baokao.local>");
        Delivery delivery = awaitDelivery(request, "SENT");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.maskedAddress()).isEqualTo("k***@example.com");
        assertThat(delivery.messageId()).isEqualTo(mail.messageId());
        assertThat(delivery.templateCode()).isEqualTo("PASSWORD_RESET_CODE");
        assertThat(delivery.bureau()).isEqualTo("sh");
        assertThat(count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE", "outcome", "sent"))
                .isEqualTo(sentBefore + 1);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void theSameEventDeliveredFiveTimesSendsOneMail(CapturedOutput output) {
        EmailRequested request = passwordResetCode();
        UUID eventId = UUID.randomUUID();
        KafkaEvents bus = KafkaEvents.ofTestServers();

        for (int i = 0; i < 5; i++) {
            bus.publish(eventId, request, Instant.now(), request.aggregateId());
        }
        // one candidate's requests share a partition: once this one arrives, the five before it were handled
        EmailRequested later = passwordResetCode();
        bus.publish(later);

        Eventually.value("the later mail", () -> smtp.mailsTo(address).size() >= 2 ? true : null);
        Eventually.value("the later mail's row", () -> delivery(later).filter(d -> d.status().equals("SENT")).orElse(null));
        assertThat(smtp.mailsTo(address)).extracting(Mail::messageId).containsExactlyInAnyOrder(
                "<" + request.requestId() + "@baokao.local>", "<" + later.requestId() + "@baokao.local>");
        assertThat(delivery(request).orElseThrow().attempts()).isEqualTo(1);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aRequestAlreadySentUnderAnotherEventSendsNothingMore(CapturedOutput output) {
        double duplicatesBefore = count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE", "outcome", "duplicate");
        EmailRequested request = passwordResetCode();
        commit(request);
        awaitOneMail();
        awaitDelivery(request, "SENT");

        commit(request); // a producer that published the same request twice: a new event id, the same request id

        Eventually.value("the duplicate counted", () -> count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE",
                "outcome", "duplicate") > duplicatesBefore ? true : null);
        pause(Duration.ofSeconds(1));
        assertThat(smtp.mailsTo(address)).hasSize(1);
        assertThat(delivery(request).orElseThrow().attempts()).isEqualTo(1);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aMailServerOutageIsRetriedAndTheMailDeliveredOnceTheServerIsBack(CapturedOutput output) {
        double failedBefore = count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE", "outcome", "failed");
        smtp.down();
        EmailRequested request = passwordResetCode();

        UUID eventId = commit(request);

        awaitDelivery(request, "FAILED");
        smtp.up();
        Mail mail = awaitOneMail();
        assertThat(mail.body()).contains(code);
        Delivery sent = awaitDelivery(request, "SENT");
        assertThat(sent.attempts()).as("the failed attempt, then the one that went through").isEqualTo(2);
        assertThat(sent.failureReason()).isNull();
        assertThat(count("baokao.mail.sent", "template", "PASSWORD_RESET_CODE", "outcome", "failed"))
                .isEqualTo(failedBefore + 1);
        pause(Duration.ofSeconds(1));
        assertThat(smtp.mailsTo(address)).hasSize(1);
        assertThat(deadLetter(eventId)).isEmpty();
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void anOutageOutlastingTheRetriesIsDeadLetteredAndAnOperatorsReplaySendsItOnce(CapturedOutput output) {
        smtp.down();
        EmailRequested request = passwordResetCode();

        UUID eventId = commit(request);

        DeadLetter dead = awaitDeadLetter(eventId);
        assertThat(dead.topic()).isEqualTo(Topics.NOTIFICATION_REQUESTS);
        assertThat(dead.error()).startsWith("MailServerUnavailableException");
        Delivery failed = delivery(request).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).as("the first attempt and the error handler's 3 retries").isEqualTo(4);
        assertThat(failed.failureReason()).matches("(SMTP_UNREACHABLE|CIRCUIT_OPEN): .*");
        assertThat(smtp.mailsTo(address)).isEmpty();

        smtp.up();
        Eventually.value("the breaker to let calls through again",
                () -> breaker().getState() != CircuitBreaker.State.OPEN ? true : null);
        assertThat(replay(dead).status()).isEqualTo(200);

        assertThat(awaitOneMail().body()).contains(code);
        assertThat(awaitDelivery(request, "SENT").attempts()).isEqualTo(5);
        pause(Duration.ofSeconds(1));
        assertThat(smtp.mailsTo(address)).hasSize(1);
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void anUnknownTemplateIsDeadLetteredAtOnceWithoutRetries(CapturedOutput output) {
        EmailRequested request = request("NO_SUCH_TEMPLATE", address, Map.of("code", code));

        UUID eventId = commit(request);

        DeadLetter dead = awaitDeadLetter(eventId);
        assertThat(dead.error()).isEqualTo("MailRejectedException: 未知的邮件模板：NO_SUCH_TEMPLATE");
        Delivery failed = delivery(request).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).as("tried once, not retried").isEqualTo(1);
        assertThat(failed.failureReason()).startsWith("TEMPLATE_UNKNOWN");
        assertThat(smtp.mailsTo(address)).isEmpty();
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void aMissingParameterIsDeadLetteredAtOnceAndNothingIsSent(CapturedOutput output) {
        EmailRequested request = request("PASSWORD_RESET_CODE", address, Map.of("code", code, "minutes", "15"));

        UUID eventId = commit(request);

        assertThat(awaitDeadLetter(eventId).error())
                .isEqualTo("MailRejectedException: 邮件模板 PASSWORD_RESET_CODE 缺少参数 bureauName");
        assertThat(delivery(request).orElseThrow().attempts()).isEqualTo(1);
        assertThat(smtp.mailsTo(address)).isEmpty();
        assertLogsKeepTheSecrets(output);
    }

    @Test
    void somethingThatIsNoAddressIsDeadLetteredAtOnce() {
        EmailRequested request = request("PASSWORD_RESET_CODE", "kaosheng at example.com",
                Map.of("code", code, "minutes", "15", "bureauName", BUREAU_NAME));

        UUID eventId = commit(request);

        assertThat(awaitDeadLetter(eventId).error()).isEqualTo("MailRejectedException: 收件人邮箱格式不正确");
        Delivery failed = delivery(request).orElseThrow();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.maskedAddress()).isEqualTo("***");
    }

    @Test
    void theDeliveryLogHoldsNeitherTheTextNorTheCodeNorTheAddress() {
        EmailRequested request = passwordResetCode();
        commit(request);
        awaitDelivery(request, "SENT");

        String row = jdbc.sql("select * from mail_delivery where request_id = ?").param(request.requestId())
                .query((rs, n) -> {
                    StringBuilder all = new StringBuilder();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        all.append(rs.getString(column)).append('|');
                    }
                    return all.toString();
                }).single();
        assertThat(row).contains("k***@example.com").doesNotContain(mailbox).doesNotContain(code)
                .doesNotContain("验证码").doesNotContain(BUREAU_NAME);
    }

    private EmailRequested passwordResetCode() {
        return request("PASSWORD_RESET_CODE", address,
                Map.of("code", code, "minutes", "15", "bureauName", BUREAU_NAME));
    }

    private EmailRequested request(String template, String to, Map<String, String> params) {
        return new EmailRequested(UUID.randomUUID(), candidate, to, template, params, Instant.now(), "sh");
    }

    /** As account-service will do it: the request is part of the transaction that issued the code. */
    private UUID commit(EmailRequested request) {
        return transactions.execute(status -> outbox.publish(request));
    }

    private Mail awaitOneMail() {
        Eventually.value("a mail to " + AddressMask.mask(address), () -> smtp.mailsTo(address).isEmpty() ? null : true);
        List<Mail> mails = smtp.mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private Delivery awaitDelivery(EmailRequested request, String status) {
        return Eventually.value(status + " delivery of " + request.requestId(),
                () -> delivery(request).filter(d -> d.status().equals(status)).orElse(null));
    }

    private Optional<Delivery> delivery(EmailRequested request) {
        return jdbc.sql("""
                select status, attempts, masked_address, message_id, template_code, failure_reason, bureau
                from mail_delivery where request_id = ?""").param(request.requestId())
                .query((rs, n) -> new Delivery(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    private DeadLetter awaitDeadLetter(UUID eventId) {
        return Eventually.value("a dead letter for event " + eventId, () -> deadLetter(eventId).orElse(null));
    }

    private Optional<DeadLetter> deadLetter(UUID eventId) {
        return deadLetters.open(1000).stream().filter(d -> eventId.equals(d.eventId())).findFirst();
    }

    private HttpProbe.Answer replay(DeadLetter dead) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/notifications/operations/dead-letters/" + dead.id() + "/replay")
                // OPS-3: the requests here are Shanghai's, so Shanghai's administrator replays them, at its address
                .header("Authorization", "Bearer "
                        + TestServers.issuer().operatorToken("admin-sh", "sh", Map.of(), "bureau-admin"))
                .header("Baokao-Bureau", "sh")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(MailConfiguration.SERVER);
    }

    /** Issue 24, meters: every outcome is exported from the start (at zero), so sums by outcome read 0, not nothing. */
    @Test
    void everyOutcomeIsExportedFromTheStart() {
        for (String outcome : java.util.List.of("sent", "duplicate", "failed", "rejected")) {
            assertThat(meters.find("baokao.mail.sent").tags("template", "UNKNOWN", "outcome", outcome).counter())
                    .as(outcome).isNotNull();
        }
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Gives the service time to do something it must not do (send twice, retry a rejection). */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** ACC-6: the run logged this request (masked), but never the code or the address. */
    private void assertLogsKeepTheSecrets(CapturedOutput output) {
        assertThat(output.getAll()).as("the capture sees the service's log lines").contains("k***@example.com");
        assertThat(output.getAll()).doesNotContain(mailbox)
                .doesNotContainPattern("(?<!\\d)" + code + "(?!\\d)");
    }

    private record Delivery(String status, int attempts, String maskedAddress, String messageId, String templateCode,
            String failureReason, String bureau) {
    }
}
