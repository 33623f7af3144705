package org.baokao.enrollment.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * When a failed delivery is tried again (API-2): after the n-th failure in a row, the n-th delay
 * ({@code baokao.webhooks.retry-delays}, e.g. 10 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h); after a failure with no
 * delay left the delivery is dead. So a delivery is tried {@code delays + 1} times before it is given up.
 */
@DomainModel
public record RetrySchedule(List<Duration> delays) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        for (Duration delay : delays) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("baokao.webhooks.retry-delays: each delay must be positive, not "
                        + delay);
            }
        }
    }

    public int tries() {
        return delays.size() + 1;
    }

    /** The wait after {@code failuresInRow} failures (1 = the first try failed); empty once there is no try left. */
    public Optional<Duration> afterFailures(int failuresInRow) {
        if (failuresInRow < 1) {
            throw new IllegalArgumentException("failuresInRow must be at least 1");
        }
        return failuresInRow <= delays.size() ? Optional.of(delays.get(failuresInRow - 1)) : Optional.empty();
    }
}
