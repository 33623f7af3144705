package org.baokao.enrollment.lists;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * One export written off the request path, as a job on the service's job queue (libs/jobs; its id is the export's):
 * any instance may claim it, and one whose instance died is run again by another from the start. A failure is
 * recorded on the export (the operator sees 失败 and generates again), not retried.
 */
@Component
class ExportJob extends OneTimeTask<Void> {

    static final String TASK = "enrollment-export";

    private final Exports exports;

    ExportJob(Exports exports) {
        super(TASK, Void.class);
        this.exports = exports;
    }

    @Override
    public void executeOnce(TaskInstance<Void> job, ExecutionContext context) {
        exports.run(UUID.fromString(job.getId()));
    }
}
