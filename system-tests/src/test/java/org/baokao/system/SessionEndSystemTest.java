package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CandidateJourney.Tokens;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 §5 on the whole platform: after 退出 every access token of the session (this tab's and another tab's,
 * a refresh of the same session) is refused through the gateway at once, though each is good for 15 minutes by its
 * signature; account-service names the session, the gateway's Redis remembers it.
 */
class SessionEndSystemTest {

    @Test
    void afterLogoutTheSessionsAccessTokensAreRefusedAtTheGatewayAtOnce() {
        Candidate candidate = LocalStack.newCandidates(1, "Journey@2026").getFirst();
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, List.of(candidate), LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        journey.register(candidate);
        Tokens tab1 = journey.login(candidate);

        HttpProbe.Answer refreshed = post("/api/accounts/public/tokens/refresh", tab1.refreshToken());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String tab2 = refreshed.json().path("access_token").asString();
        for (String token : List.of(tab1.accessToken(), tab2)) {
            assertThat(Stack.GATEWAY.get("/api/accounts/me", token).status()).isEqualTo(200);
        }

        HttpProbe.Answer loggedOut = post("/api/accounts/public/tokens/revoke",
                refreshed.json().path("refresh_token").asString());
        assertThat(loggedOut.status()).isEqualTo(204);
        assertThat(loggedOut.header("Baokao-Session-Ended")).as("the gateway keeps it to itself").isEmpty();

        for (String token : List.of(tab1.accessToken(), tab2)) {
            HttpProbe.Answer me = Stack.GATEWAY.get("/api/accounts/me", token);
            assertThat(me.status()).as(me.body()).isEqualTo(401);
            assertThat(me.problemCode()).isEqualTo("SESSION_ENDED");
            assertThat(Stack.GATEWAY.get("/api/enrollments/mine", token).status()).isEqualTo(401);
        }
    }

    private static HttpProbe.Answer post(String path, String refreshToken) {
        return Stack.GATEWAY.send(Stack.GATEWAY.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")));
    }
}
