package org.baokao.enrollment.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.webhooks.*} (API-2, docs/PARTNER-API.md).
 *
 * @param allowLocalHttp   accept {@code http://localhost} and {@code http://127.0.0.1} endpoints (the local stack's
 *                         sandbox partner, tests); never in production, where every endpoint is https
 * @param secretOverlap    how long a rotated-out secret keeps signing beside the new one
 * @param retryDelays      the waits after the 1st, 2nd, ... failure in a row; a failure with none left is the last
 * @param workerEnabled    whether this instance sends deliveries (an instance that only serves the API leaves them)
 * @param pollInterval     how often the worker looks for due deliveries when nothing woke it
 * @param batchSize        the most deliveries one look claims
 * @param concurrency      the most deliveries this instance sends at once
 * @param connectTimeout   the HTTP client's connect timeout
 * @param requestTimeout   the whole request's timeout, until the status line and headers arrive
 * @param lease            how long a claimed delivery is this instance's: after it, another instance may send it
 *                         (this one crashed); longer than a request can take
 * @param maxSubscriptions the most endpoints one partner may register
 */
@ConfigurationProperties("baokao.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowLocalHttp,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue({ "10s", "30s", "2m", "10m", "1h", "6h", "24h" }) List<Duration> retryDelays,
        @DefaultValue("true") boolean workerEnabled, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize, @DefaultValue("16") int concurrency,
        @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("60s") Duration lease, @DefaultValue("10") int maxSubscriptions) {

    public WebhookProperties {
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("baokao.webhooks.lease (" + lease + ") must be longer than a request"
                    + " can take (connect-timeout + request-timeout)");
        }
        if (batchSize < 1 || concurrency < 1 || maxSubscriptions < 1) {
            throw new IllegalArgumentException("baokao.webhooks: batch-size, concurrency and max-subscriptions must be"
                    + " at least 1");
        }
    }

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(retryDelays);
    }
}
