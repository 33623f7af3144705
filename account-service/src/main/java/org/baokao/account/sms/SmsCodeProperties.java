package org.baokao.account.sms;

import java.time.Duration;

import org.baokao.account.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ACC-6 numbers: codes live 5 minutes, one request per phone and purpose per 60 s, daily caps per phone (all
 * purposes), ID and client.
 */
@ConfigurationProperties("baokao.account.sms")
public record SmsCodeProperties(@DefaultValue("5m") Duration validFor, @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration phoneCooldown, @DefaultValue("10") int phoneDailyCap,
        @DefaultValue("10") int idDailyCap, @DefaultValue("200") int clientDailyCap) {

    /**
     * The cooldown, per phone and purpose: a registration code does not hold back the login code that follows it
     * (issue 22: a minute's forced wait at the first login).
     */
    Limit perPhoneAndPurpose() {
        return new Limit("SMS_PHONE_PURPOSE", phoneCooldown, Integer.MAX_VALUE);
    }

    /** The daily cap, per phone whatever the purpose. */
    Limit perPhone() {
        return new Limit("SMS_PHONE", Duration.ZERO, phoneDailyCap);
    }

    Limit perIdNumber() {
        return new Limit("SMS_ID", Duration.ZERO, idDailyCap);
    }

    Limit perClient() {
        return new Limit("SMS_CLIENT", Duration.ZERO, clientDailyCap);
    }
}
