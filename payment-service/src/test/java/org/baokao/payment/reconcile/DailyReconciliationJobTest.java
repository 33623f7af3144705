package org.baokao.payment.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PAY-6: the nightly import is one job on the job queue for the whole platform, due at the next 02:30 Beijing time,
 * so it runs once a night however many instances there are (before, each instance's own cron imported everything).
 */
@ServiceTest(sandbox = true)
class DailyReconciliationJobTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNightlyImportIsOneJobDueAtTheNextHalfPastTwoInBeijing() {
        List<Instant> due = jdbc.sql("select execution_time from jobs.scheduled_tasks where task_name = ?")
                .param(DailyReconciliation.TASK).query(java.sql.Timestamp.class).list().stream()
                .map(java.sql.Timestamp::toInstant).toList();

        assertThat(due).hasSize(1);
        ZonedDateTime at = due.get(0).atZone(DailyReconciliation.BEIJING);
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(due.get(0)).isAfter(Instant.now()).isBefore(Instant.now().plus(java.time.Duration.ofDays(1)));
    }
}
