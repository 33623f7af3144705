package org.baokao.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 23 §5: after 退出 the session's access token is refused (401) at the edge at once, in every tab, though its
 * signature is good for up to 15 minutes; other sessions of the same candidate go on. Against the gateway's real
 * Redis, with account-service's answer naming the ended session ({@code Baokao-Session-Ended}).
 */
class EndedSessionTest extends GatewayTest {

    private static final String REVOKE = "/api/accounts/public/tokens/revoke";

    @Test
    void afterLogoutTheSessionsAccessTokenIsRefusedAtOnceAndAnotherSessionGoesOn() {
        String candidate = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String tab1 = candidateToken(candidate, session);
        String tab2 = candidateToken(candidate, session); // another tab: a refreshed token of the same session
        String phone = candidateToken(candidate, UUID.randomUUID().toString());
        mine(tab1).expectStatus().isOk();

        ACCOUNT.answerWithHeader("Baokao-Session-Ended", session);
        client.post().uri(REVOKE).exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Baokao-Session-Ended");
        ENROLLMENT.reset();

        for (String token : new String[] { tab1, tab2 }) {
            mine(token).expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody().jsonPath("$.code").isEqualTo("SESSION_ENDED")
                    .jsonPath("$.detail").isEqualTo("登录已失效，请重新登录");
        }
        assertThat(ENROLLMENT.received()).as("a refused token never reaches a service").isEmpty();
        mine(phone).expectStatus().isOk();
        long ttl = Long.parseLong(REDIS.command("TTL " + EndedSessions.PREFIX + session).substring(1));
        assertThat(Duration.ofSeconds(ttl))
                .as("kept as long as one of its access tokens may be valid (15 min + skew), then forgotten")
                .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(16));
    }

    @Test
    void onlyAccountServiceMayEndASession() {
        String session = UUID.randomUUID().toString();
        ENROLLMENT.answerWithHeader("Baokao-Session-Ended", session);
        client.get().uri("/api/enrollments/public/exams").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Baokao-Session-Ended");

        mine(candidateToken(UUID.randomUUID().toString(), session)).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec mine(String token) {
        return client.get().uri("/api/enrollments/mine").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
    }

    private static String candidateToken(String candidate, String session) {
        return ACCOUNTS.tokenWith(candidate, Map.of("sid", session, "bureau", "sd"), "candidate");
    }
}
