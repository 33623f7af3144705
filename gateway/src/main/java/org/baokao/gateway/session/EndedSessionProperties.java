package org.baokao.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issue 23 §5: how the gateway refuses the access tokens of candidates' ended sessions ({@link EndedSessionFilter}).
 *
 * @param enabled       off only for a gateway without Redis (then a token stays good until it expires, as before)
 * @param rememberFor   how long an ended session is kept: at least the access tokens' lifetime (account-service's
 *                      15 minutes) plus the clock skew a token's expiry is checked with (1 minute)
 * @param checkTimeout  a request waits this long for Redis's answer at most, then passes unchecked (fails open, as
 *                      the rate limits do)
 * @param recordTimeout the 退出 answer waits this long at most for the session to be written to Redis
 */
@ConfigurationProperties("baokao.gateway.ended-sessions")
public record EndedSessionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("16m") Duration rememberFor,
        @DefaultValue("75ms") Duration checkTimeout, @DefaultValue("2s") Duration recordTimeout) {
}
