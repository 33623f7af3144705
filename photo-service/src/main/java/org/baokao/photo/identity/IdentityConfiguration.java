package org.baokao.photo.identity;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/** The identity provider this service compares through (PHO-4): the sandbox, behind Resilience4j. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /** The Resilience4j instance name of the provider's time limiter, retry, breaker and bulkhead. */
    static final String PROVIDER = "identity-provider";

    /** At start: a pending check without its job (queued before the job queue existed) gets one. */
    @Bean
    ApplicationRunner identityChecksOnTheJobQueue(IdentityChecks checks, Clock clock) {
        return arguments -> {
            int missing = checks.scheduleAllPending(clock.instant());
            if (missing > 0) {
                LoggerFactory.getLogger(IdentityConfiguration.class)
                        .info("{} pending identity check(s) put on the job queue", missing);
            }
        };
    }

    @Bean(destroyMethod = "close")
    ExecutorService identityCalls() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("identity-call-", 0).factory());
    }

    // Each client from Boot's RestClient.Builder (a new one per injection point), which carries the observation of
    // every call: its metrics, and its trace context to the callee (traceparent, issue 24).
    @Bean
    ServiceToken serviceToken(IdentityProperties properties, Clock clock, RestClient.Builder http) {
        if (!properties.fixedServiceToken().isBlank()) {
            return ServiceToken.fixed(properties.fixedServiceToken());
        }
        return new ClientCredentialsServiceToken(http.requestFactory(requests(properties)).build(),
                properties.tokenUri(), properties.clientId(), properties.clientSecret(), clock);
    }

    @Bean
    CandidateIdentities candidateIdentities(IdentityProperties properties, ServiceToken serviceToken,
            RestClient.Builder http) {
        return new AccountServiceIdentities(http.baseUrl(properties.accountServiceUrl().toString())
                .requestFactory(requests(properties)).build(), serviceToken);
    }

    private static JdkClientHttpRequestFactory requests(IdentityProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        return requests;
    }

    @Bean
    IdentityProvider identityProvider(IdentityProperties properties, RetryRegistry retries,
            CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters,
            ExecutorService identityCalls, RestClient.Builder http) {
        RestClient provider = http
                .baseUrl(properties.providerUrl().toString())
                .requestFactory(requests(properties))
                .build();
        return new ResilientIdentityProvider(new SandboxIdentityProvider(provider),
                timeLimiters.timeLimiter(PROVIDER), retries.retry(PROVIDER), breakers.circuitBreaker(PROVIDER),
                bulkheads.bulkhead(PROVIDER), identityCalls);
    }
}
