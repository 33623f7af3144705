package org.baokao.notification.mail;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/**
 * Any {@link Mailer} behind a retry with exponential backoff and a circuit breaker (configured under
 * {@code resilience4j.*.instances.mail-server}). Only "try later" failures are retried, which are nearly all
 * failures before the server took the mail (refused connection, 4xx reply). The breaker matters because mail
 * shares the consumer of {@code notification.requests} with the SMS codes: while the mail server is down, each
 * mail fails fast instead of holding SMS behind its retries, and goes to the dead letters for operators to replay.
 */
final class ResilientMailer implements Mailer {

    private final Mailer mailer;
    private final Retry retry;
    private final CircuitBreaker breaker;

    ResilientMailer(Mailer mailer, Retry retry, CircuitBreaker breaker) {
        this.mailer = mailer;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public String send(OutgoingMail mail) {
        Supplier<String> call = () -> mailer.send(mail);
        // the breaker sits inside the retry: every attempt counts towards opening it, and once it is open the
        // retry stops at once (CallNotPermittedException is not among the retried exceptions)
        Supplier<String> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new MailServerUnavailableException("CIRCUIT_OPEN", "邮件服务器连续失败，熔断中，暂停调用");
        }
    }
}
