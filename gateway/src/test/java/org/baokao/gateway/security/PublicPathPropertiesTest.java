package org.baokao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PublicPathPropertiesTest {

    @Test
    void defaultsAreTheServicesPublicAreasAndTheBankCallbacks() {
        PublicPathProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("baokao.gateway", PublicPathProperties.class);

        assertThat(defaults.publicPaths()).containsExactly("/api/accounts/public/**", "/api/enrollments/public/**",
                "/api/photos/public/**", "/api/payments/public/**", "/api/payments/notify/**");
    }
}
