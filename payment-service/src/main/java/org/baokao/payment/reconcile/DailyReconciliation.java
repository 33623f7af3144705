package org.baokao.payment.reconcile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.baokao.payment.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * PAY-6: every night, each channel's statement of the day before is imported and reconciled. A recurring job on the
 * service's job queue (libs/jobs): one row for the whole platform, so however many instances run, each night's
 * import runs once, on one of them.
 */
@Component
class DailyReconciliation extends RecurringTask<Void> {

    static final String TASK = "daily-reconciliation";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliation.class);

    private final Reconciliation reconciliation;
    private final Clock clock;

    DailyReconciliation(Reconciliation reconciliation, Clock clock,
            @Value("${baokao.payment.reconciliation-cron:0 30 2 * * *}") String cron) {
        super(TASK, Schedules.cron(cron, BEIJING), Void.class);
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> job, ExecutionContext context) {
        yesterday();
    }

    void yesterday() {
        LocalDate day = LocalDate.now(clock.withZone(BEIJING)).minusDays(1);
        for (Channel channel : Channel.values()) {
            try {
                reconciliation.importFromBank(channel, day, Reconciliation.Source.SCHEDULED);
            } catch (RuntimeException e) {
                log.error("Reconciliation of {} {} failed; an operator can import it again", channel, day, e);
            }
        }
    }
}
