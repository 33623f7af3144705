package org.baokao.notification.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/** The mail server this service sends through: SMTP ({@code spring.mail.*}), behind a retry and a breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    /** The Resilience4j instance name of the mail server's retry and circuit breaker. */
    static final String SERVER = "mail-server";

    @Bean
    Mailer mailer(JavaMailSender smtp, MailSettings settings, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        return new ResilientMailer(new SmtpMailer(smtp, settings.from()), retries.retry(SERVER),
                breakers.circuitBreaker(SERVER));
    }

    @Bean
    static MailRejectionsSkipRetries mailRejectionsSkipRetries() {
        return new MailRejectionsSkipRetries();
    }
}
