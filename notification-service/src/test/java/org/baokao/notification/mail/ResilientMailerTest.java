package org.baokao.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.baokao.notification.NotificationServiceTest;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.TestServers;
import org.baokao.testkit.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * NOT-2 at the mail server: short retries of what may pass later only, and a breaker that stops calling a server
 * that is down, so the SMS codes sharing the consumer of notification.requests are not held behind mail.
 */
@NotificationServiceTest
class ResilientMailerTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RetryRegistry retries;
    @Autowired
    CircuitBreakerRegistry breakers;

    private final TestSmtp smtp = TestServers.smtp();
    private final String address = "mailer" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    @BeforeEach
    void serverUpAndBreakerClosed() {
        smtp.up();
        breaker().reset();
    }

    @AfterEach
    void serverUpAndBreakerClosedForTheNextTest() {
        smtp.up();
        breaker().reset();
    }

    @Test
    void aServerThatIsDownIsTriedThreeTimesBeforeGivingUp() {
        smtp.down();
        long failedBefore = retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt();

        assertThatThrownBy(() -> mailer.send(mail()))
                .isInstanceOf(MailServerUnavailableException.class)
                .satisfies(e -> assertThat(((MailDeliveryFailure) e).reason()).isEqualTo("SMTP_UNREACHABLE"));
        assertThat(retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(failedBefore + 1);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void aServerThatKeepsFailingOpensTheBreakerAndCallsStopAtOnce() {
        smtp.down();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> mailer.send(mail())).isInstanceOf(MailServerUnavailableException.class);
        }

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        smtp.up(); // up again, but the breaker has not tried yet
        assertThatThrownBy(() -> mailer.send(mail()))
                .isInstanceOf(MailServerUnavailableException.class)
                .satisfies(e -> assertThat(((MailDeliveryFailure) e).reason()).isEqualTo("CIRCUIT_OPEN"));
        assertThat(smtp.mailsTo(address)).isEmpty();
    }

    @Test
    void anOpenBreakerLetsCallsThroughAgainOnceTheServerIsBack() {
        breaker().transitionToOpenState();

        Eventually.value("half-open after the open wait",
                () -> breaker().getState() != CircuitBreaker.State.OPEN ? true : null);
        String messageId = mailer.send(mail());

        assertThat(smtp.mailsTo(address)).singleElement()
                .satisfies(mail -> assertThat(mail.messageId()).isEqualTo(messageId));
    }

    @Test
    void aRejectionIsNeitherRetriedNorHeldAgainstTheServer() {
        long withoutRetryBefore = retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt();

        assertThatThrownBy(() -> mailer.send(new OutgoingMail(UUID.randomUUID(), "no address", null, "主题", "正文")))
                .isInstanceOf(MailRejectedException.class).hasMessage("收件人邮箱格式不正确");
        assertThat(retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(withoutRetryBefore + 1);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private OutgoingMail mail() {
        return new OutgoingMail(UUID.randomUUID(), address, "山东省教育招生考试院", "主题", "正文");
    }

    private Retry retry() {
        return retries.retry(MailConfiguration.SERVER);
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(MailConfiguration.SERVER);
    }
}
