package org.baokao.web.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token issuers a service trusts: account-service for candidates, Keycloak for operators and partners.
 * Each names its JWKS explicitly so a service starts even while an issuer is still down.
 */
@ConfigurationProperties("baokao.security")
public record IssuerProperties(List<Issuer> issuers, List<String> publicPaths) {

    public IssuerProperties {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    public record Issuer(String issuer, String jwkSetUri) {
    }
}
