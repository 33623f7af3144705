package org.baokao.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code /api/**} paths answered without a token: registration, captcha, login and the banks' payment
 * callbacks (which prove themselves by signature, not by a token).
 */
@ConfigurationProperties("baokao.gateway")
public record PublicPathProperties(
        @DefaultValue({ "/api/accounts/public/**", "/api/enrollments/public/**", "/api/photos/public/**",
                "/api/payments/public/**", "/api/payments/notify/**" }) List<String> publicPaths) {

    public PublicPathProperties {
        publicPaths = List.copyOf(publicPaths);
    }
}
