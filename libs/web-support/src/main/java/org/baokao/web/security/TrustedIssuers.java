package org.baokao.web.security;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Picks the issuer from the token's {@code iss} and verifies it against that issuer's own keys only;
 * a token from any issuer not configured is refused.
 */
final class TrustedIssuers {

    private TrustedIssuers() {
    }

    static JwtIssuerAuthenticationManagerResolver resolver(IssuerProperties properties) {
        Map<String, AuthenticationManager> managers = properties.issuers().stream()
                .collect(Collectors.toUnmodifiableMap(IssuerProperties.Issuer::issuer, TrustedIssuers::manager));
        AuthenticationManagerResolver<String> byIssuer = managers::get;
        return new JwtIssuerAuthenticationManagerResolver(byIssuer);
    }

    private static AuthenticationManager manager(IssuerProperties.Issuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new Roles());
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return new ProviderManager(provider);
    }

}
