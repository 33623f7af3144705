package org.baokao.account.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Candidate tokens: RS256 verified through the published JWKS, key rotation, refresh rotation, logout. */
@ServiceTest
class TokensTest {

    @LocalServerPort
    int port;
    @Autowired
    AccessTokens accessTokens;
    @Autowired
    RefreshTokens refreshTokens;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAccessTokenVerifiesAgainstThePublishedJwksAsAServiceWouldCheckIt() {
        UUID candidate = UUID.randomUUID();
        String token = accessTokens.issue(candidate, "sd", UUID.randomUUID());

        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getSubject()).isEqualTo(candidate.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("candidate");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rotatingTheSigningKeyLogsNobodyOut() {
        String before = accessTokens.issue(UUID.randomUUID(), "sd", UUID.randomUUID());
        String oldKid = decoder().decode(before).getHeaders().get("kid").toString();

        String newKid = signingKeys.rotate().getKeyID();
        String after = accessTokens.issue(UUID.randomUUID(), "sd", UUID.randomUUID());

        NimbusJwtDecoder fresh = decoder();
        assertThat(fresh.decode(before).getHeaders().get("kid")).isEqualTo(oldKid);
        assertThat(fresh.decode(after).getHeaders().get("kid")).isEqualTo(newKid).isNotEqualTo(oldKid);

        signingKeys.retire(oldKid);
        assertThatThrownBy(() -> decoder().decode(before)).as("a retired key's tokens stop working")
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void privateKeysAreSealedAtRest() {
        signingKeys.current();
        String stored = jdbc.sql("select encode(private_key, 'escape') from signing_key limit 1").query(String.class)
                .single();
        assertThat(stored).doesNotContain("\"d\"").doesNotContain("RSA");
    }

    @Test
    void eachRefreshReplacesTheTokenAndAReplayEndsTheSession() {
        var first = refreshTokens.startSession(UUID.randomUUID(), "sd");
        var second = refreshTokens.rotate(first.token(), "sd");
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.token()).isNotEqualTo(first.token());

        assertThatThrownBy(() -> refreshTokens.rotate(first.token(), "sd"))
                .as("the replaced token comes back: stolen")
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SESSION_ENDED"));
        assertThatThrownBy(() -> refreshTokens.rotate(second.token(), "sd")).as("the whole session is revoked")
                .isInstanceOfSatisfying(Refusal.class, p -> assertThat(p.code()).isEqualTo("SESSION_ENDED"));
    }

    @Test
    void logoutThroughTheApiEndsTheSessionAndRefreshAnswers401() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");
        HttpProbe http = HttpProbe.onLocalPort(port);

        var refreshed = post(http, "/api/accounts/public/tokens/refresh", session.token());
        assertThat(refreshed.status()).isEqualTo(200);
        String next = refreshed.json().path("refresh_token").asString();
        assertThat(refreshed.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(decoder().decode(refreshed.json().path("access_token").asString()).getClaimAsString("sid"))
                .isEqualTo(session.sessionId().toString());

        var revoked = post(http, "/api/accounts/public/tokens/revoke", next);
        assertThat(revoked.status()).isEqualTo(204);
        // issue 23 §5: the answer names the ended session (the access tokens' sid) for the gateway to refuse them
        assertThat(revoked.header("Baokao-Session-Ended")).contains(session.sessionId().toString());
        assertThat(post(http, "/api/accounts/public/tokens/revoke", "not-a-token").header("Baokao-Session-Ended"))
                .as("an unknown token ends no session").isEmpty();
        var after = post(http, "/api/accounts/public/tokens/refresh", next);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.problemCode()).isEqualTo("SESSION_ENDED");
    }

    /** Issue 23 §5: a replaced refresh token presented again ends the session, and the 401 names it for the edge. */
    @Test
    void aReplacedTokenPresentedAgainEndsTheSessionAndTheRefusalNamesItForTheGateway() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");
        HttpProbe http = HttpProbe.onLocalPort(port);
        assertThat(post(http, "/api/accounts/public/tokens/refresh", session.token()).status()).isEqualTo(200);

        var stolen = post(http, "/api/accounts/public/tokens/refresh", session.token());

        assertThat(stolen.status()).isEqualTo(401);
        assertThat(stolen.problemCode()).isEqualTo("SESSION_ENDED");
        assertThat(stolen.header("Baokao-Session-Ended")).contains(session.sessionId().toString());
        var unknown = post(http, "/api/accounts/public/tokens/refresh", "never-issued");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("Baokao-Session-Ended")).isEmpty();
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");
        jdbc.sql("update refresh_token set expires_at = ? where family_id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), session.sessionId()).update();

        assertThatThrownBy(() -> refreshTokens.rotate(session.token(), "sd")).isInstanceOf(Refusal.class);
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("http://localhost:8081"));
        return decoder;
    }

    private static HttpProbe.Answer post(HttpProbe http, String path, String refreshToken) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")));
    }
}
