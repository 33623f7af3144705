package org.baokao.account.sms;

import java.time.Duration;

import org.baokao.account.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** ACC-6 numbers: codes live 5 minutes, one request per phone per 60 s, daily caps per phone, ID and client. */
@ConfigurationProperties("baokao.account.sms")
public record SmsCodeProperties(@DefaultValue("5m") Duration validFor, @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration phoneCooldown, @DefaultValue("10") int phoneDailyCap,
        @DefaultValue("10") int idDailyCap, @DefaultValue("200") int clientDailyCap) {

    Limit perPhone() {
        return new Limit("SMS_PHONE", phoneCooldown, phoneDailyCap);
    }

    Limit perIdNumber() {
        return new Limit("SMS_ID", Duration.ZERO, idDailyCap);
    }

    Limit perClient() {
        return new Limit("SMS_CLIENT", Duration.ZERO, clientDailyCap);
    }
}
