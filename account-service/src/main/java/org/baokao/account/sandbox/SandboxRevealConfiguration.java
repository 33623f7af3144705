package org.baokao.account.sandbox;

import java.time.Duration;

import org.baokao.account.captcha.CaptchaRevealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Automated journeys and load tests must get past the captcha: on the local stack and in tests the answer
 * is also handed to the sandbox, which shows it to the tester. {@code baokao.sandbox.reveal-secrets} turns
 * that on, and with the {@code prod} profile active the service refuses to start if it is on.
 */
@Configuration(proxyBeanMethods = false)
class SandboxRevealConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxRevealConfiguration.class);

    @Bean
    CaptchaRevealer captchaRevealer(Environment environment,
            @Value("${baokao.sandbox.reveal-secrets:false}") boolean revealSecrets,
            @Value("${baokao.sandbox.url:http://localhost:8090}") String sandboxUrl) {
        if (!revealSecrets) {
            return CaptchaRevealer.NOWHERE;
        }
        if (environment.matchesProfiles("prod") || environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("baokao.sandbox.reveal-secrets must not be on in production (profile prod): "
                    + "it would hand captcha answers to a sandbox");
        }
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(1));
        timeouts.setReadTimeout(Duration.ofSeconds(2));
        RestClient sandbox = RestClient.builder().baseUrl(sandboxUrl).requestFactory(timeouts).build();
        log.warn("Captcha answers are revealed to the sandbox at {}: local stack and tests only", sandboxUrl);
        return (captchaId, answer) -> {
            try {
                sandbox.post().uri("/sandbox/captcha/api/answers")
                        .body(new RevealedAnswer(captchaId.toString(), answer)).retrieve().toBodilessEntity();
            } catch (RuntimeException e) {
                // a missing sandbox must not break captchas; the journey that needed it will say so
                log.warn("Could not hand captcha {} to the sandbox: {}", captchaId, e.toString());
            }
        };
    }

    record RevealedAnswer(String captchaId, String answer) {
    }
}
