package org.baokao.account.login;

import java.time.Duration;

import org.baokao.account.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** ACC-5: five failures lock an account for 15 minutes; attempts per account and per client address are capped. */
@ConfigurationProperties("baokao.account.login")
public record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
        @DefaultValue("30") int accountDailyAttempts, @DefaultValue("300") int clientDailyAttempts) {

    Limit perAccount() {
        return new Limit("LOGIN_ACCOUNT", Duration.ZERO, accountDailyAttempts);
    }

    Limit perClient() {
        return new Limit("LOGIN_CLIENT", Duration.ZERO, clientDailyAttempts);
    }
}
