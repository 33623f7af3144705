package org.baokao.notification.sms;

import java.net.http.HttpClient;

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
        // HTTP/1.1 as the provider speaks it: the default, HTTP/2, first offers each plain-http connection an
        // h2c upgrade. (Completing responses on the selector thread, Runnable::run, would save thread switches
        // but times out: Spring reads the body as a stream the selector thread must still fill.)
        RestClient gateway = http
                .baseUrl(properties.sandboxUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(HttpClientSettings.defaults()
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
