package org.baokao.gateway.resilience;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

/**
 * The registries behind the routes' {@code CircuitBreaker} filters (Spring Cloud CircuitBreaker,
 * reactor-resilience4j). Resilience4j's own Spring Boot binding is deliberately absent: the Boot 3 one aborts
 * a Boot 4 start, and both would also configure a bulkhead for every route (application.yml switches
 * Spring Cloud's bulkhead off: its default of 25 concurrent calls would refuse a crowd of candidates).
 * Every failure to get an answer counts (connection refused, reset, time limit); answers the service
 * gave, 5xx included, are passed through and do not count. The time limit is the Netty client's
 * ({@link UpstreamTimeout}), not a Resilience4j time limiter.
 */
@Configuration(proxyBeanMethods = false)
class BreakerConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(BreakerProperties properties) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
                .build());
    }

    /**
     * Spring Cloud's breaker factory needs one, but its time limiter is switched off
     * ({@code disable-time-limiter}); should it ever be switched on again, it keeps the same limit.
     */
    @Bean
    TimeLimiterRegistry timeLimiterRegistry(BreakerProperties properties) {
        return TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.timeout())
                .build());
    }
}
