package org.baokao.jobs;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Puts work on the service's durable job queue. Scheduling joins the caller's database transaction: the job exists
 * if and only if the change that needs it commits. A job is run by one instance at a time, once per schedule; a
 * failure is retried as its task says (see {@link RetryWithBackoff}).
 */
public class Jobs {

    private final SchedulerClient client;

    public Jobs(SchedulerClient client) {
        this.client = client;
    }

    /** Runs the {@code task} for {@code id} at {@code at}, unless that job is already waiting; returns whether it was new. */
    public boolean schedule(String task, String id, Instant at) {
        return client.scheduleIfNotExists(new TaskInstance<Void>(task, id), at);
    }
}
