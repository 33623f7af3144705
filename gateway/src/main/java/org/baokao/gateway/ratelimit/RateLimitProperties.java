package org.baokao.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits (GW-1), {@code baokao.gateway.rate-limits.*}; each kind of limit is
 * {@code <kind>.requests} per {@code <kind>.per}, e.g. {@code captcha.requests=60}, {@code captcha.per=1m}. The
 * defaults are the production ones, sized for registration day: a person never meets them, a script does.
 * <ul>
 * <li>{@code store-timeout}: how long a request waits for Redis before it passes unchecked (fails open);</li>
 * <li>{@code failure-log-interval}: at most one log line per interval about such failures;</li>
 * <li>{@code reconnect-interval}: how often a gateway that could not reach Redis at all tries again.</li>
 * </ul>
 */
@ConfigurationProperties("baokao.gateway.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("75ms") Duration storeTimeout,
        @DefaultValue("60s") Duration failureLogInterval, @DefaultValue("5s") Duration reconnectInterval,
        Window address, Window captcha, Window smsCode, Window login, Window candidate, Window operator,
        @DefaultValue("60") int partnerDefaultQuotaPerMinute) {

    /** Per client address: a school's NAT shows many candidates as one address. */
    public static final Rate ADDRESS = Rate.perMinute(600);
    /** Per client address: a few captchas per person and login, a lab full of them at once still passes. */
    public static final Rate CAPTCHA = Rate.perMinute(60);
    /** Per client address: each one is a message sent; account-service also caps each address per day. */
    public static final Rate SMS_CODE = Rate.perMinute(20);
    /** Per client address: password guessing; account-service also locks accounts and caps each address per day. */
    public static final Rate LOGIN = Rate.perMinute(30);
    /** Per candidate: 20 requests/s sustained, far above a person clicking through the wizard. */
    public static final Rate CANDIDATE = Rate.perMinute(1200);
    /** Per operator: a runaway script, never a person at the console. */
    public static final Rate OPERATOR = Rate.perMinute(1200);

    /** A kind of limit as configured; what is left out keeps the default. */
    public record Window(Long requests, Duration per) {

        Rate orElse(Rate defaults) {
            return new Rate(requests == null ? defaults.requests() : requests, per == null ? defaults.period() : per);
        }
    }

    public LimitPolicy.Settings settings() {
        return new LimitPolicy.Settings(rate(address, ADDRESS), rate(captcha, CAPTCHA), rate(smsCode, SMS_CODE),
                rate(login, LOGIN), rate(candidate, CANDIDATE), rate(operator, OPERATOR), partnerDefaultQuotaPerMinute);
    }

    private static Rate rate(Window configured, Rate defaults) {
        return configured == null ? defaults : configured.orElse(defaults);
    }
}
