package org.baokao.account.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.baokao.account.captcha.Captchas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what has stopped mattering: expired captchas, SMS and e-mail codes, refresh tokens past their expiry,
 * rate-limit counters of earlier days. Every page view makes a captcha, so without this the tables would
 * only grow. Safe to run in several instances at once (plain deletes).
 */
@Component
public class AccountHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);
    /** Kept a day past expiry, for support questions ("my code did not work"). */
    private static final Duration GRACE = Duration.ofDays(1);

    private final Captchas captchas;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountHousekeeping(Captchas captchas, JdbcClient jdbc, Clock clock) {
        this.captchas = captchas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${baokao.account.housekeeping-every:10m}", initialDelayString = "1m")
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
