package org.baokao.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One breaker per backend service, all with these settings. The defaults suit a demo and production alike:
 * the breaker opens when half of the last 10 calls (at least 5) failed, rests 10 s, then lets 3 trial calls
 * through. The time limit is how long a service may stay silent after it got the whole request
 * ({@link UpstreamTimeout}); generous on purpose.
 */
@ConfigurationProperties("baokao.gateway.breaker")
public record BreakerProperties(
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("5") int minimumNumberOfCalls,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpenState,
        @DefaultValue("10s") Duration timeout) {
}
