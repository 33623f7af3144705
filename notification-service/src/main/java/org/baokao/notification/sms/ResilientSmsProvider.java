package org.baokao.notification.sms;

import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/**
 * Any {@link SmsProvider} behind a retry with exponential backoff and a circuit breaker (configured under
 * {@code resilience4j.*.instances.sms-provider}). Retrying a send is safe because the provider deduplicates on the
 * request id. The retry is short on purpose: the messaging error handler retries the whole event again and then
 * dead-letters it, so a long outage ends with operators, not with a consumer stuck on one SMS.
 */
final class ResilientSmsProvider implements SmsProvider {

    private final SmsProvider provider;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ResilientSmsProvider(SmsProvider provider, Retry retry, CircuitBreaker breaker) {
        this.provider = provider;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public String send(UUID requestId, String phone, String content) {
        Supplier<String> call = () -> provider.send(requestId, phone, content);
        // the breaker sits inside the retry: every attempt counts towards opening it, and once it is open the
        // retry stops at once (CallNotPermittedException is not among the retried exceptions)
        Supplier<String> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new SmsProviderUnavailableException("CIRCUIT_OPEN", "短信网关连续失败，熔断中，暂停调用");
        }
    }
}
