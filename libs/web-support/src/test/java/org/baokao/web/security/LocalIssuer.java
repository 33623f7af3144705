package org.baokao.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for web-support's own tests, Keycloak-style roles in {@code realm_access.roles}, its JWKS on a
 * loopback port. (The services use test-kit's TestIssuer; test-kit cannot be on this module's test classpath:
 * its logback-test.xml would replace the logback-spring.xml these tests check.)
 */
public final class LocalIssuer {

    public static final LocalIssuer INSTANCE = start();

    private final RSAKey key;
    private final String issuer;

    private LocalIssuer(RSAKey key, int port) {
        this.key = key;
        this.issuer = "http://127.0.0.1:" + port + "/issuer";
    }

    private static LocalIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/issuer/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new LocalIssuer(key, server.getAddress().getPort());
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

    /** A token naming no bureau; an operator's names every bureau ({@code *}), as test-kit's TestIssuer does. */
    public String token(String subject, String... roles) {
        return tokenOfBureau(subject, List.of(roles).contains("operator") ? "*" : null, roles);
    }

    /** A token naming a bureau (BUR-1) the way account-service's candidate tokens do; null names none. */
    String tokenOfBureau(String subject, String bureau, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", Map.of("roles", List.of(roles))).claim("bureau", bureau).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
