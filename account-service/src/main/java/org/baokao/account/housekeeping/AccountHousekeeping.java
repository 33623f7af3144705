package org.baokao.account.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.baokao.account.captcha.Captchas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Removes what has stopped mattering: expired captchas, SMS and e-mail codes, refresh tokens past their expiry,
 * rate-limit counters of earlier days. Every page view makes a captcha, so without this the tables would
 * only grow. A recurring job on the service's job queue (libs/jobs): one row for the platform, so however many
 * instances run, one of them does it each time (issue 23 §3).
 */
@Component
public class AccountHousekeeping extends RecurringTask<Void> {

    static final String TASK = "account-housekeeping";

    private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);
    /** Kept a day past expiry, for support questions ("my code did not work"). */
    private static final Duration GRACE = Duration.ofDays(1);

    private final Captchas captchas;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountHousekeeping(Captchas captchas, JdbcClient jdbc, Clock clock,
            @Value("${baokao.account.housekeeping-every:10m}") Duration every) {
        super(TASK, Schedules.fixedDelay(every), Void.class);
        this.captchas = captchas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> job, ExecutionContext context) {
        run();
    }

    public void run() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(GRACE));
        int removed = captchas.purgeExpired()
                + jdbc.sql("delete from sms_code where expires_at < ?").param(cutoff).update()
                + jdbc.sql("delete from email_code where expires_at < ?").param(cutoff).update()
                + jdbc.sql("delete from refresh_token where expires_at < ?").param(cutoff).update()
                + jdbc.sql("delete from rate_limit where last_at < ?").param(cutoff).update();
        if (removed > 0) {
            log.info("Housekeeping removed {} expired captchas, SMS and e-mail codes, refresh tokens and rate counters", removed);
        }
    }
}
