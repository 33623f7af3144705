package org.baokao.notification.sms;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/** The SMS provider this service sends through: the sandbox gateway, behind timeouts, a retry and a breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    /** The Resilience4j instance name of the provider's retry and circuit breaker. */
    static final String PROVIDER = "sms-provider";

    @Bean
    SmsProvider smsProvider(RestClient.Builder http, SmsProperties properties, RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        RestClient gateway = http
                .baseUrl(properties.sandboxUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        return new ResilientSmsProvider(new SandboxSmsProvider(gateway), retries.retry(PROVIDER),
                breakers.circuitBreaker(PROVIDER));
    }

    @Bean
    static RejectionsSkipRetries rejectionsSkipRetries() {
        return new RejectionsSkipRetries();
    }
}
