package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests: an RSA key, its JWKS served over real HTTP on loopback, and signed RS256 tokens.
 * It stands in for Keycloak or account-service in a single service's tests, so the service's real
 * resource-server configuration (JWKS fetch, signature, issuer and expiry checks) is what gets exercised.
 */
public final class TestIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    /** Starts an issuer on a free loopback port. */
    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/issuer/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new TestIssuer(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    /**
     * A valid token for {@code subject} with the given realm roles, Keycloak-style ({@code realm_access.roles}). An
     * operator's is bound to every bureau (claim {@code bureau} {@code *}), as the local realm's automation account
     * is; {@link #operatorToken} makes a person's, bound to one bureau.
     */
    public String token(String subject, String... roles) {
        return sign(claims(subject, roles, Duration.ofMinutes(5)).build());
    }

    /** A candidate's token of one bureau (claim {@code bureau}, BUR-1), as account-service issues them. */
    public String candidateTokenOf(String bureau, String subject) {
        return sign(claims(subject, new String[] { "candidate" }, Duration.ofMinutes(5)).claim("bureau", bureau)
                .build());
    }

    /**
     * A valid token for {@code subject} with the given realm roles and further claims, e.g. an operator reviewing for
     * one examining university ({@code university}, from a Keycloak user attribute in the real realm).
     */
    public String tokenWith(String subject, Map<String, Object> claims, String... roles) {
        JWTClaimsSet.Builder builder = claims(subject, roles, Duration.ofMinutes(5));
        claims.forEach(builder::claim);
        return sign(builder.build());
    }

    /**
     * An operator's token as the realm issues it to a person (OPS-3): bound to {@code bureau}, realm roles
     * {@code operator} and {@code roles} (e.g. {@code bureau-admin}, {@code city-operator}), and the scope attributes
     * in {@code attributes} ({@code city}, {@code university}).
     */
    public String operatorToken(String subject, String bureau, Map<String, Object> attributes, String... roles) {
        String[] all = new String[roles.length + 1];
        all[0] = "operator";
        System.arraycopy(roles, 0, all, 1, roles.length);
        JWTClaimsSet.Builder builder = claims(subject, all, Duration.ofMinutes(5)).claim("bureau", bureau)
                .claim("preferred_username", subject).claim("name", subject);
        attributes.forEach(builder::claim);
        return sign(builder.build());
    }

    /**
     * A partner bureau's client-credentials token as the realm issues it (API-1): {@code azp} = the client id, realm
     * roles {@code partner} and the scope roles given (e.g. {@code partner-verify}), claim {@code bureau} (the hosted
     * bureau it reads) and {@code quota_per_minute} (its gateway quota).
     */
    public String partnerToken(String clientId, String bureau, int quotaPerMinute, String... scopeRoles) {
        String[] all = new String[scopeRoles.length + 1];
        all[0] = "partner";
        System.arraycopy(scopeRoles, 0, all, 1, scopeRoles.length);
        return sign(claims("service-account-" + clientId, all, Duration.ofMinutes(5)).claim("azp", clientId)
                .claim("bureau", bureau).claim("quota_per_minute", quotaPerMinute).build());
    }

    /** A token that expired five minutes ago, well past the validators' clock skew. */
    public String expiredToken(String subject, String... roles) {
        return sign(claims(subject, roles, Duration.ofMinutes(-5)).build());
    }

    /** A token whose payload was changed after signing: the signature no longer matches. */
    public String tamperedToken(String subject, String... roles) {
        String[] parts = token(subject, roles).split("\\.");
        String forged = com.nimbusds.jose.util.Base64URL.encode(
                claims("someone-else", roles, Duration.ofMinutes(5)).build().toString()).toString();
        return parts[0] + "." + forged + "." + parts[2];
    }

    private JWTClaimsSet.Builder claims(String subject, String[] roles, Duration validFor) {
        Instant now = Instant.now();
        Instant expires = now.plus(validFor);
        Instant issued = validFor.isNegative() ? expires.minus(Duration.ofMinutes(15)) : now;
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("realm_access", Map.of("roles", List.of(roles)));
        return List.of(roles).contains("operator") ? builder.claim("bureau", "*") : builder;
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
