package org.baokao.photo.identity;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;

/**
 * Any {@link IdentityProvider} behind Resilience4j (instances {@value IdentityConfiguration#PROVIDER}): a bulkhead
 * caps concurrent comparisons (the provider is a shared public service with a quota), the circuit breaker stops
 * calling a provider that keeps failing, the retry repeats a failed call a few times with exponential backoff, and
 * the time limiter gives up on a slow call. The retry is short on purpose: the worker keeps the check PENDING and
 * tries it again later, so a long outage is ridden out by the rows, not by threads waiting here.
 */
final class ResilientIdentityProvider implements IdentityProvider {

    private final IdentityProvider provider;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final ExecutorService calls;

    ResilientIdentityProvider(IdentityProvider provider, TimeLimiter timeLimiter, Retry retry, CircuitBreaker breaker,
            Bulkhead bulkhead, ExecutorService calls) {
        this.provider = provider;
        this.timeLimiter = timeLimiter;
        this.retry = retry;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.calls = calls;
    }

    @Override
    public ComparisonResult compare(CandidateIdentity who, byte[] normalizedJpeg) {
        Callable<ComparisonResult> timed = () -> timeLimiter.executeFutureSupplier(
                () -> CompletableFuture.supplyAsync(() -> provider.compare(who, normalizedJpeg), calls));
        // bulkhead outermost within one attempt, breaker around the timed call so timeouts count against the
        // provider; the retry outside both, so an open breaker or a full bulkhead stops the retry at once
        Callable<ComparisonResult> guarded = Retry.decorateCallable(retry,
                Bulkhead.decorateCallable(bulkhead, CircuitBreaker.decorateCallable(breaker, timed)));
        try {
            return guarded.call();
        } catch (CallNotPermittedException open) {
            throw new IdentityProviderUnavailableException("CIRCUIT_OPEN", "身份核验服务连续失败，熔断中，暂停调用");
        } catch (BulkheadFullException full) {
            throw new IdentityProviderUnavailableException("BULKHEAD_FULL", "身份核验并发已满，稍后再试");
        } catch (TimeoutException slow) {
            throw new IdentityProviderUnavailableException("PROVIDER_TIMEOUT", "身份核验服务超时");
        } catch (IdentityProviderUnavailableException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof IdentityProviderUnavailableException u ? u : e;
            if (cause instanceof IdentityProviderUnavailableException u) {
                throw u;
            }
            throw new IdentityProviderUnavailableException("PROVIDER_ERROR", "身份核验调用失败："
                    + e.getClass().getSimpleName());
        }
    }
}
