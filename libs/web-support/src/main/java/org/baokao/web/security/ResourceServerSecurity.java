package org.baokao.web.security;


import java.io.IOException;

import org.baokao.web.bureau.BureauProperties;
import org.baokao.web.bureau.BureauScopeFilter;
import org.baokao.web.problem.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Every service is an OAuth2 resource server that checks the token itself, whatever the gateway did:
 * stateless, tokens from the configured issuers only, health and metrics open. Every other path needs the role of
 * the callers it is for, by the shared conventions ({@link ApiPaths}: operator under
 * {@code /api/<service>/operations}, partner under {@code /open-api}, service under {@code /internal}, candidate
 * for the rest of {@code /api}) unless the service declares the path public ({@link PublicPaths}) or for other roles
 * ({@link RolePaths}); what matches none of them needs a valid token. Finer rules (ownership, one endpoint's
 * role) are method security on the endpoints, on top of this default.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties({ IssuerProperties.class, PublicPaths.class, RolePaths.class, BureauProperties.class })
public class ResourceServerSecurity {

    /**
     * No observation per security filter: with observations merely disabled by name
     * ({@code management.observations.enable.spring.security=false}) each of the chain's filters is still wrapped
     * in a no-op observation on every request, measurable on the login path (issue 4); request metrics
     * ({@code http.server.requests}) stay.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain baokaoResourceServer(HttpSecurity http, IssuerProperties properties,
            PublicPaths paths, RolePaths rolePaths, BureauProperties bureaus) throws Exception {
        String[] publicPaths = paths.publicPaths().toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                    "/actuator/prometheus", "/error")
                            .permitAll()
                            .requestMatchers(publicPaths).permitAll();
                    for (RolePaths.Rule rule : rolePaths.rolePaths()) {
                        String[] rulePaths = rule.paths().toArray(String[]::new);
                        (rule.method() == null ? requests.requestMatchers(rulePaths)
                                : requests.requestMatchers(HttpMethod.valueOf(rule.method()), rulePaths))
                                .hasAnyRole(rule.roles().toArray(String[]::new));
                    }
                    requests.requestMatchers(ApiPaths.OPERATIONS).hasRole(Roles.OPERATOR)
                            .requestMatchers(ApiPaths.PARTNER).hasRole(Roles.PARTNER)
                            .requestMatchers(ApiPaths.INTERNAL).hasRole(Roles.SERVICE)
                            .requestMatchers(ApiPaths.CANDIDATE).hasRole(Roles.CANDIDATE)
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(oauth2 -> oauth2
                        .authenticationManagerResolver(TrustedIssuers.resolver(properties))
                        .authenticationEntryPoint((request, response, e) ->
                                write(response, Problems.unauthenticated()))
                        .accessDeniedHandler((request, response, e) -> write(response, Problems.forbidden())))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                write(response, Problems.unauthenticated()))
                        .accessDeniedHandler((request, response, e) -> write(response, Problems.forbidden())))
                .addFilterAfter(new BureauScopeFilter(bureaus), AuthorizationFilter.class);
        return http.build();
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(Problems.json(problem));
    }
}
