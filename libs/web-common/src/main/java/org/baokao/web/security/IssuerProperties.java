package org.baokao.web.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token issuers the gateway and every service trust: Keycloak for operators and partner bureaus,
 * account-service for candidates. Each names its JWKS explicitly so an application starts, and keeps
 * serving the other issuer, while one of them is down.
 */
@ConfigurationProperties("baokao.security")
public record IssuerProperties(List<Issuer> issuers) {

    public IssuerProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        if (issuers.isEmpty()) {
            // Without issuers every token would be refused; better to fail at start than at the first login.
            throw new IllegalStateException("baokao.security.issuers is empty: every token would be refused");
        }
    }

    public record Issuer(String issuer, String jwkSetUri) {
    }
}
