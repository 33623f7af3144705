package org.baokao.enrollment.courses;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The lapse at the registration close (SST-6) as a recurring job on the service's job queue (libs/jobs): one row for
 * the whole platform, so however many instances run, one of them looks every {@code baokao.courses.lapse-interval}
 * (a minute) for sittings that have closed, and lapses them ({@link CourseLapse}).
 */
@Component
class CourseLapseJob extends RecurringTask<Void> {

    static final String TASK = "course-lapse";

    private final CourseLapse lapse;

    CourseLapseJob(CourseLapse lapse, @Value("${baokao.courses.lapse-interval:PT1M}") Duration interval) {
        super(TASK, Schedules.fixedDelay(interval), Void.class);
        this.lapse = lapse;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> job, ExecutionContext context) {
        lapse.lapseClosedSittings();
    }
}
