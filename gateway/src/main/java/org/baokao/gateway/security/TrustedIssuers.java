package org.baokao.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.baokao.web.security.IssuerProperties;
import org.baokao.web.security.Roles;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Picks the issuer from the token's {@code iss} and verifies the token with that issuer's own keys only;
 * a token naming any other issuer is refused (401). Keys are fetched lazily from the configured JWKS URI,
 * so a down issuer affects only its own tokens and never the gateway's start.
 */
final class TrustedIssuers {

    // The JWKS fetch runs inside a user's request: bound it, a hanging issuer must not hang the request.
    private static final Duration JWKS_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration JWKS_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    private TrustedIssuers() {
    }

    static JwtIssuerReactiveAuthenticationManagerResolver resolver(IssuerProperties properties) {
        WebClient jwksClient = jwksClient();
        Map<String, ReactiveAuthenticationManager> managers = properties.issuers().stream()
                .collect(Collectors.toUnmodifiableMap(IssuerProperties.Issuer::issuer,
                        issuer -> manager(issuer, jwksClient)));
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static ReactiveAuthenticationManager manager(IssuerProperties.Issuer issuer, WebClient jwksClient) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer.jwkSetUri())
                .webClient(jwksClient)
                .build();
        // signature, expiry (with the default 60 s skew) and the exact issuer
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new Roles());
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles));
        // An unreachable JWKS surfaces as IllegalStateException("Could not obtain the keys"), which would
        // become a 500; mark it as the issuer's failure, not the caller's, so it is answered as 503.
        return authentication -> manager.authenticate(authentication)
                .onErrorMap(error -> !(error instanceof AuthenticationException),
                        error -> new AuthenticationServiceException(
                                "Cannot verify tokens of " + issuer.issuer() + ": " + error.getMessage(), error));
    }

    private static WebClient jwksClient() {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_CONNECT_TIMEOUT.toMillis())
                .responseTimeout(JWKS_RESPONSE_TIMEOUT);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }
}
