package org.baokao.jobs;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;

/**
 * A job that failed runs again later, waiting twice as long after each consecutive failure (first, 2×first, 4×first
 * ...), never longer than {@code max}, and never gives up: the work must get done once its cause is gone.
 */
public final class RetryWithBackoff<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryWithBackoff.class);

    private final Duration first;
    private final Duration max;

    public RetryWithBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after the n-th consecutive failure (n ≥ 1). */
    public Duration after(int failures) {
        long millis = first.toMillis() << Math.min(20, Math.max(0, failures - 1));
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Instant next = complete.getTimeDone().plus(after(failures));
        var job = complete.getExecution().taskInstance;
        log.warn("Job {} {} failed ({} in a row: {}); next try at {}", job.getTaskName(), job.getId(), failures,
                complete.getCause().map(Throwable::getMessage).orElse("?"), next);
        operations.reschedule(complete, next);
    }
}
