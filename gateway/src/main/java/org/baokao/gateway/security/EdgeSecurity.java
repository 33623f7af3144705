package org.baokao.gateway.security;

import org.baokao.gateway.problem.ProblemWriter;
import org.baokao.web.problem.Problems;
import org.baokao.web.security.IssuerProperties;
import org.baokao.web.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Edge security (GW-1, API-1): tokens from the trusted issuers are checked here before anything is routed,
 * then relayed unchanged; every service checks them again. Stateless: no session, no saved request, no CSRF
 * (nothing authenticates by cookie).
 * <p>
 * A token that is presented must be valid wherever it is sent, public paths included: the bearer-token filter
 * runs on every request and answers 401 before authorization is even considered.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

    private static final Logger log = LoggerFactory.getLogger(EdgeSecurity.class);

    /** The partners' public OpenAPI document (route open-api-document). */
    static final String PARTNER_DOCUMENT = "/open-api/v1/openapi.json";

    /**
     * No observation per security filter: with observations merely disabled by name
     * ({@code management.observations.enable.spring.security=false}) each of the chain's filters is still wrapped
     * in a no-op observation on every request, measurable on the login path (issue 4); request metrics
     * ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http, IssuerProperties issuers,
            PublicPathProperties publicPaths) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) ->
                ProblemWriter.write(exchange, Problems.unauthenticated());
        ServerAccessDeniedHandler forbidden = (exchange, e) -> ProblemWriter.write(exchange, Problems.forbidden());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        // API-1: the partners' OpenAPI document is read before any token (its page, /open-api/v1/docs,
                        // is a file of the web UI by then: apidocs.PartnerDocsPage)
                        .pathMatchers(HttpMethod.GET, PARTNER_DOCUMENT).permitAll()
                        .pathMatchers("/open-api/v1/**").hasRole(Roles.PARTNER)
                        .pathMatchers(publicPaths.publicPaths().toArray(String[]::new)).permitAll()
                        .pathMatchers("/api/**", "/open-api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        // the breaker fallbacks are reached by internal forward only
                        .pathMatchers("/fallback/**").denyAll()
                        // the web UI: the page, its static files and its client-side routes
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .authenticationManagerResolver(TrustedIssuers.resolver(issuers))
                        .authenticationFailureHandler(failureHandler(unauthenticated))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * A bad token is the caller's problem (401); an issuer whose keys cannot be fetched is ours (503),
     * and telling the user to log in again would not help.
     */
    private static ServerAuthenticationFailureHandler failureHandler(ServerAuthenticationEntryPoint unauthenticated) {
        return (filterExchange, e) -> {
            if (e instanceof AuthenticationServiceException) {
                log.warn("Token could not be verified: {}", e.getMessage());
                return ProblemWriter.write(filterExchange.getExchange(), Problems.serviceUnavailable());
            }
            return unauthenticated.commence(filterExchange.getExchange(), e);
        };
    }
}
