package org.baokao.account.password;

import java.time.Duration;

import org.baokao.account.ratelimit.Limit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ACC-7 e-mail codes, under {@code baokao.account.email-code}, limited like the SMS codes (ACC-6): a code lives 5
 * minutes and allows 5 tries; an address gets its next code 60 s after the last; daily caps per address, ID number
 * and client.
 */
@ConfigurationProperties("baokao.account.email-code")
public record EmailCodeProperties(@DefaultValue("5m") Duration validFor, @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration addressCooldown, @DefaultValue("10") int addressDailyCap,
        @DefaultValue("10") int idDailyCap, @DefaultValue("200") int clientDailyCap) {

    Limit perAddress() {
        return new Limit("EMAIL_ADDRESS", addressCooldown, addressDailyCap);
    }

    Limit perIdNumber() {
        return new Limit("EMAIL_ID", Duration.ZERO, idDailyCap);
    }

    Limit perClient() {
        return new Limit("EMAIL_CLIENT", Duration.ZERO, clientDailyCap);
    }
}
