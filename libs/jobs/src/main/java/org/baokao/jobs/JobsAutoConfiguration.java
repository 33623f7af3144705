package org.baokao.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The service's durable job queue: db-scheduler on the service's own PostgreSQL (table {@code jobs.scheduled_tasks}).
 * Each {@link Task} bean is a kind of job (a recurring one, e.g. a daily cron, is one row for all instances, so it runs
 * once per due time, not once per instance); {@link Jobs} schedules one in the caller's transaction; this instance runs
 * due jobs unless {@code baokao.jobs.enabled=false}. Due jobs are claimed with {@code for update skip locked}, so
 * instances share them without waiting; a claimed job's heartbeat tells the others its instance is alive.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(JobsProperties.class)
public class JobsAutoConfiguration {

    /** Marker that the jobs schema is migrated. */
    public record JobsSchemaReady() {
    }

    @Bean
    JobsSchemaReady jobsSchemaReady(DataSource dataSource) {
        JobsSchema.migrate(dataSource);
        return new JobsSchemaReady();
    }

    @Bean
    Jobs jobs(JobsSchemaReady schema, DataSource dataSource) {
        // transaction-aware: a job scheduled inside a transaction commits or rolls back with it
        SchedulerClient client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource))
                .tableName(JobsSchema.TABLE).build();
        return new Jobs(client);
    }

    /**
     * Runs due jobs while the service runs: a fresh scheduler on each start (a stopped one cannot start again, and
     * Spring stops and restarts a context that is paused, e.g. between test classes), stopped on shutdown letting
     * running jobs finish.
     */
    @Bean
    SmartLifecycle jobRunner(JobsSchemaReady schema, DataSource dataSource, ObjectProvider<Task<?>> tasks,
            JobsProperties properties) {
        return new JobRunner(() -> Scheduler.create(dataSource, kinds(tasks, false))
                // recurring tasks put their one row in place at start (the same row for every instance)
                .startTasks(kinds(tasks, true))
                .tableName(JobsSchema.TABLE)
                .threads(properties.threads())
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                // within Spring's shutdown phase: running jobs finish or are taken over as dead later
                .shutdownMaxWait(Duration.ofSeconds(10))
                // RetryWithBackoff says what failed and when it runs again, without a stack trace per try
                .failureLogging(LogLevel.DEBUG, true)
                .build(), properties.enabled());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static List kinds(ObjectProvider<Task<?>> tasks, boolean onStartup) {
        return tasks.orderedStream().filter(task -> task instanceof OnStartup == onStartup).toList();
    }
}
