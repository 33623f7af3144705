package org.baokao.account.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.baokao.domain.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts requests in PostgreSQL, so limits survive restarts and hold across instances. Check and count are
 * one statement: two requests at the same moment cannot both pass. Call it inside the transaction of the
 * request, so a request refused by a later limit counts for none.
 */
@Component
public class RateLimits {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    public RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts the request, or refuses it with a 429 problem saying when to try again. */
    public void acquire(Limit limit, String subject, String what) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        boolean counted = jdbc.sql("""
                insert into rate_limit (scope, subject, day, day_count, last_at) values (?, ?, ?, 1, ?)
                on conflict (scope, subject) do update set
                    day_count = case when rate_limit.day = excluded.day then rate_limit.day_count + 1 else 1 end,
                    day = excluded.day,
                    last_at = excluded.last_at
                where rate_limit.last_at <= ?
                  and (rate_limit.day <> excluded.day or rate_limit.day_count < ?)
                returning day_count""")
                .params(limit.scope(), subject, today, Timestamp.from(now),
                        Timestamp.from(now.minus(limit.cooldown())), limit.dailyCap())
                .query(Integer.class).optional().isPresent();
        if (!counted) {
            throw refusal(limit, subject, what, now, today);
        }
    }

    private Refusal refusal(Limit limit, String subject, String what, Instant now, LocalDate today) {
        Instant last = jdbc.sql("select last_at from rate_limit where scope = ? and subject = ?")
                .params(limit.scope(), subject).query(Timestamp.class).single().toInstant();
        Duration remaining = limit.cooldown().minus(Duration.between(last, now));
        if (remaining.isPositive()) {
            // rounded up: 0.4 s left is "1 second", not "0" (nor, truncated, the daily cap), and a caller who
            // waits the seconds said is not refused again
            long seconds = remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0);
            return Refusal.tooMany("TOO_FREQUENT", "操作过于频繁，请" + seconds + "秒后再试",
                    Duration.ofSeconds(seconds));
        }
        return Refusal.tooMany("DAILY_LIMIT_REACHED",
                what + "今日次数已达上限，请明天再试");
    }
}
