package org.baokao.account.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Candidate tokens: the issuer every service trusts for candidates (docs/LOCAL-STACK.md), 15-minute access
 * tokens, refresh tokens for a working day.
 */
@ConfigurationProperties("baokao.account.tokens")
public record TokenProperties(@DefaultValue("http://localhost:8081") String issuer,
        @DefaultValue("15m") Duration accessTokenValidFor, @DefaultValue("12h") Duration refreshTokenValidFor) {
}
