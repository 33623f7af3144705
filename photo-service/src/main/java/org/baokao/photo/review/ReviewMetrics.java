package org.baokao.photo.review;

import java.time.Clock;
import java.time.Duration;

import org.baokao.web.metrics.ThrottledReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code baokao.reviews.waiting} (OPS-1, issue 24): manual reviews submitted to the reviewers and not yet decided
 * (OPEN; the ones still gathering the candidate's proofs are not the reviewers' yet), all bureaus together (a
 * bureau tag would grow with every bureau onboarded; 今日概况 gives each bureau its own figure). One count on the
 * (status, requested_at) index, read at most every 5 seconds whatever the number of scrapers
 * ({@link ThrottledReading}): a review waits minutes to hours, so a few seconds' lag changes nothing.
 */
@Component
class ReviewMetrics {

    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private final ThrottledReading<Long> waiting;

    ReviewMetrics(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
        this.waiting = new ThrottledReading<>(() -> jdbc
                .sql("select count(*) from manual_review where status = ?")
                .param(ManualReviewStatus.OPEN.name()).query(Long.class).single(), clock, Duration.ofSeconds(5));
        Gauge.builder("baokao.reviews.waiting", waiting, ThrottledReading::get)
                .description("manual photo reviews waiting for a reviewer's decision").register(meters);
    }
}
