package org.baokao.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The production defaults, which the gateway tests override with short timings. */
class BreakerPropertiesTest {

    private final Binder nothingConfigured = new Binder(new MapConfigurationPropertySource());

    @Test
    void breakerDefaults() {
        BreakerProperties defaults = nothingConfigured.bindOrCreate("baokao.gateway.breaker", BreakerProperties.class);

        assertThat(defaults).isEqualTo(new BreakerProperties(10, 5, 50f, Duration.ofSeconds(10), 3,
                Duration.ofSeconds(10)));
    }
}
