package org.baokao.account.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.UUID;

import org.baokao.account.captcha.CaptchaRevealer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Captcha answers reach the sandbox on the local stack and in tests only: production cannot turn it on. */
class SandboxRevealGuardTest {

    private final SandboxRevealConfiguration configuration = new SandboxRevealConfiguration();

    @Test
    void withTheProdProfileTurningRevealOnStopsTheService() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> configuration.captchaRevealer(production, true, "http://sandbox:8090"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("production");
    }

    @Test
    void theProductionConfigurationKeepsItOff() throws IOException {
        YamlPropertiesFactoryBean prod = new YamlPropertiesFactoryBean();
        prod.setResources(new ClassPathResource("application-prod.yml"));
        YamlPropertiesFactoryBean base = new YamlPropertiesFactoryBean();
        base.setResources(new ClassPathResource("application.yml"));

        assertThat(prod.getObject().getProperty("baokao.sandbox.reveal-secrets")).isEqualTo("false");
        assertThat(base.getObject().getProperty("baokao.sandbox.reveal-secrets")).as("off unless a profile asks").isNull();
    }

    @Test
    void offMeansNowhere() {
        CaptchaRevealer revealer = configuration.captchaRevealer(new MockEnvironment(), false, "http://localhost:8090");

        assertThat(revealer).isSameAs(CaptchaRevealer.NOWHERE);
        revealer.reveal(UUID.randomUUID(), "ABCD");
    }
}
