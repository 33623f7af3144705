package org.baokao.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.notification.NotificationServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * The service's {@link SmsProvider} against the real sandbox gateway process: idempotent by request id, bounded
 * waits, short retries of what may pass later only, and a breaker that stops calling a gateway that is down.
 */
@NotificationServiceTest
class SandboxSmsProviderTest {

    @Autowired
    SmsProvider provider;
    @Autowired
    RetryRegistry retries;
    @Autowired
    CircuitBreakerRegistry breakers;

    private final SandboxGateway sandbox = new SandboxGateway();
    private final String phone = "138" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);

    @BeforeEach
    void healthyGatewayAndClosedBreaker() {
        sandbox.healthy();
        breaker().reset();
    }

    @AfterEach
    void healthyGatewayForTheNextTest() {
        sandbox.healthy();
        breaker().reset();
    }

    @Test
    void theSameRequestIdSentTwiceIsOneSmsWithOneMessageId() {
        UUID requestId = UUID.randomUUID();

        String first = provider.send(requestId, phone, "【沙箱】第一次");
        String again = provider.send(requestId, phone, "【沙箱】第一次");

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.messages(phone)).singleElement()
                .satisfies(sms -> assertThat(sms.submissions()).isEqualTo(2));
    }

    @Test
    void aSlowGatewayTimesOutAndIsRetriedThreeTimesBeforeGivingUp() {
        sandbox.behave(0, 1_500); // past the 1 s read timeout of the tests
        long failedBefore = retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt();

        assertThatThrownBy(() -> provider.send(UUID.randomUUID(), phone, "【沙箱】超时"))
                .isInstanceOf(SmsProviderUnavailableException.class)
                .satisfies(e -> assertThat(((SmsDeliveryFailure) e).reason()).isEqualTo("PROVIDER_UNREACHABLE"));
        assertThat(retry().getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(failedBefore + 1);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void aRefusedPhoneIsARejectionThatIsNeitherRetriedNorHeldAgainstTheGateway() {
        long withoutRetryBefore = retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt();

        assertThatThrownBy(() -> provider.send(UUID.randomUUID(), "0531-8888888", "【沙箱】号码不对"))
                .isInstanceOf(SmsRejectedException.class)
                .hasMessage("短信网关拒绝发送：HTTP 400 INVALID_PHONE");
        assertThat(retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(withoutRetryBefore + 1);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aGatewayThatKeepsFailingOpensTheBreakerAndCallsStopAtOnce() {
        sandbox.behave(1.0, 0);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.send(UUID.randomUUID(), phone, "【沙箱】失败"))
                    .isInstanceOf(SmsProviderUnavailableException.class);
        }

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long notPermittedBefore = breaker().getMetrics().getNumberOfNotPermittedCalls();
        sandbox.healthy(); // healthy again, but the breaker has not tried yet
        assertThatThrownBy(() -> provider.send(UUID.randomUUID(), phone, "【沙箱】熔断"))
                .isInstanceOf(SmsProviderUnavailableException.class)
                .satisfies(e -> assertThat(((SmsDeliveryFailure) e).reason()).isEqualTo("CIRCUIT_OPEN"));
        assertThat(breaker().getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(notPermittedBefore + 1);
        assertThat(sandbox.messages(phone)).isEmpty();
    }

    @Test
    void anOpenBreakerLetsCallsThroughAgainOnceTheGatewayRecovers() {
        breaker().transitionToOpenState();

        Eventually.await("half-open after the open wait", () -> breaker().getState() != CircuitBreaker.State.OPEN);
        String messageId = provider.send(UUID.randomUUID(), phone, "【沙箱】恢复");

        assertThat(messageId).isNotBlank();
        assertThat(sandbox.messages(phone)).hasSize(1);
    }

    private Retry retry() {
        return retries.retry(SmsConfiguration.PROVIDER);
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker(SmsConfiguration.PROVIDER);
    }
}
