package org.baokao.notification.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.notification.sms.*}: where the SMS gateway is and how long to wait for it. Retry and circuit breaker
 * settings are under {@code resilience4j.*.instances.sms-provider}.
 */
@ConfigurationProperties("baokao.notification.sms")
record SmsProperties(@DefaultValue("http://localhost:8090") URI sandboxUrl,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {
}
