package org.baokao.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The job queue against real PostgreSQL: jobs commit with their transaction, run once, and are retried until done. */
class JobsTest {

    private final HikariDataSource dataSource = dataSource();
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final Jobs jobs;
    private final String task = "test-job-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private Scheduler first;
    private Scheduler second;

    JobsTest() {
        JobsSchema.migrate(dataSource);
        jobs = new JobsAutoConfiguration().jobs(new JobsAutoConfiguration.JobsSchemaReady(), dataSource);
    }

    @AfterEach
    void stop() {
        for (Scheduler scheduler : new Scheduler[] { first, second }) {
            if (scheduler != null) {
                scheduler.stop();
            }
        }
        dataSource.close();
    }

    @Test
    void aJobScheduledInARolledBackTransactionNeverExistsAndACommittedOneRunsOnceOnOneOfTwoInstances() {
        transactions.executeWithoutResult(status -> {
            jobs.schedule(task, "rolled-back", Instant.now());
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> jobs.schedule(task, "committed", Instant.now()));
        assertThat(jobs.schedule(task, "committed", Instant.now())).as("already waiting").isFalse();

        first = start();
        second = start();

        awaitRuns("committed", 1);
        sleep(Duration.ofMillis(800));
        assertThat(runs).containsOnlyKeys("committed");
        assertThat(runs.get("committed")).hasValue(1);
        assertThat(waiting()).isZero();
    }

    /**
     * Issue 23 §3: a recurring job (the order sweeper, the account housekeeping, the daily reconciliation) on two
     * instances runs on one at a time, as often as its schedule says, not once per instance.
     */
    @Test
    void aRecurringJobOnTwoInstancesNeverRunsOnBothAtOnceNorTwiceAsOften() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger recurringRuns = new AtomicInteger();
        RecurringTask<Void> sweep = Tasks.recurring(task, Schedules.fixedDelay(Duration.ofMillis(200)))
                .execute((instance, context) -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(Duration.ofMillis(100));
                    running.decrementAndGet();
                    recurringRuns.incrementAndGet();
                });
        first = recurring(sweep);
        second = recurring(sweep);

        sleep(Duration.ofSeconds(3));

        assertThat(mostAtOnce).as("runs at the same moment").hasValue(1);
        // one run every 300 ms at best (100 ms of work + 200 ms of delay): 3 s hold ~10, two independent copies ~20
        assertThat(recurringRuns.get()).as("runs in 3 s").isBetween(3, 12);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffUntilItSucceeds() {
        failuresLeft.set(2);
        transactions.executeWithoutResult(status -> jobs.schedule(task, "flaky", Instant.now()));

        first = start();

        awaitRuns("flaky", 3);
        assertThat(waiting()).as("done, so removed").isZero();
    }

    @Test
    void aServiceThatIsStoppedAndStartedAgainRunsJobsAgain() {
        JobRunner runner = new JobRunner(this::scheduler, true);
        runner.start();
        runner.stop();
        assertThat(runner.isRunning()).isFalse();
        runner.start();
        try {
            transactions.executeWithoutResult(status -> jobs.schedule(task, "after-restart", Instant.now()));
            awaitRuns("after-restart", 1);
        } finally {
            runner.stop();
        }
    }

    @Test
    void anInstanceThatRunsNoJobsLeavesThemWaiting() {
        JobRunner runner = new JobRunner(this::scheduler, false);
        runner.start();
        transactions.executeWithoutResult(status -> jobs.schedule(task, "left", Instant.now()));
        sleep(Duration.ofMillis(500));
        assertThat(runs).isEmpty();
        assertThat(waiting()).isEqualTo(1);
        assertThat(runner.isRunning()).isFalse();
    }

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        RetryWithBackoff<Void> backoff = new RetryWithBackoff<>(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(List.of(backoff.after(1), backoff.after(2), backoff.after(3), backoff.after(5), backoff.after(40)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    private Scheduler start() {
        Scheduler scheduler = scheduler();
        scheduler.start();
        return scheduler;
    }

    private Scheduler recurring(RecurringTask<Void> kind) {
        Scheduler scheduler = Scheduler.create(dataSource).startTasks(kind).tableName(JobsSchema.TABLE)
                .pollingInterval(Duration.ofMillis(50)).threads(2).build();
        scheduler.start();
        return scheduler;
    }

    private Scheduler scheduler() {
        OneTimeTask<Void> kind = Tasks.oneTime(task)
                .onFailure(new RetryWithBackoff<>(Duration.ofMillis(50), Duration.ofMillis(200)))
                .execute((instance, context) -> {
                    runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet();
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("not yet");
                    }
                });
        return Scheduler.create(dataSource, List.of(kind)).tableName(JobsSchema.TABLE)
                .pollingInterval(Duration.ofMillis(100)).pollUsingLockAndFetch(0.5, 1.0).threads(2).build();
    }

    private long waiting() {
        return JdbcClient.create(dataSource).sql("select count(*) from jobs.scheduled_tasks where task_name = ?")
                .param(task).query(Long.class).single();
    }

    private void awaitRuns(String id, int count) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            AtomicInteger done = runs.get(id);
            if (done != null && done.get() >= count && (count == 1 || waiting() == 0)) {
                return;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(id + " ran " + runs.get(id) + " times, expected " + count);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestServers.jdbcUrl());
        config.setUsername(TestServers.jdbcUser());
        config.setPassword(TestServers.jdbcPassword());
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
