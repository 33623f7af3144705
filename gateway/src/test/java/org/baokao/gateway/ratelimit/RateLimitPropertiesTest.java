package org.baokao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** GW-1's production numbers, and how a deployment (or ./baokao test) changes one of them. */
class RateLimitPropertiesTest {

    @Test
    void productionDefaults() {
        RateLimitProperties defaults = bind(Map.of());

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.storeTimeout()).isEqualTo(Duration.ofMillis(75));
        assertThat(defaults.settings()).isEqualTo(new LimitPolicy.Settings(Rate.perMinute(600), Rate.perMinute(60),
                Rate.perMinute(20), Rate.perMinute(30), Rate.perMinute(1200), Rate.perMinute(1200), 60));
    }

    @Test
    void aKindCanBeChangedInPartTheRestKeepsItsDefaults() {
        // as ./baokao test does with BAOKAO_GATEWAY_RATELIMITS_SMSCODE_REQUESTS
        RateLimitProperties changed = bind(Map.of("baokao.gateway.rate-limits.sms-code.requests", "100000",
                "baokao.gateway.rate-limits.captcha.per", "1h"));

        assertThat(changed.settings().smsCode()).isEqualTo(Rate.perMinute(100_000));
        assertThat(changed.settings().captcha()).isEqualTo(new Rate(60, Duration.ofHours(1)));
        assertThat(changed.settings().login()).isEqualTo(Rate.perMinute(30));
    }

    private static RateLimitProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("baokao.gateway.rate-limits", RateLimitProperties.class);
    }
}
