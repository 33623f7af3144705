package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CandidateJourney.Tokens;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * BUR-1 on the whole platform: one running gateway serves both demo bureaus at once, each at its own prefix, with
 * its own data; a candidate's token of one bureau finds nothing at the other's address, whatever header the caller
 * adds itself.
 */
class BureausSystemTest {

    @Test
    void bothBureausAreServedAtOnceEachAtItsOwnAddress() {
        HttpProbe.Answer shandong = Stack.GATEWAY.get("/sd/api/enrollments/public/bureau");
        HttpProbe.Answer shanghai = Stack.GATEWAY.get("/sh/api/enrollments/public/bureau");
        HttpProbe.Answer unprefixed = Stack.GATEWAY.get("/api/enrollments/public/bureau");

        assertThat(shandong.status()).as(shandong.body()).isEqualTo(200);
        assertThat(shandong.json().path("name").asString()).isEqualTo("山东省教育招生考试院");
        assertThat(shandong.json().path("registrationGate").asString()).isEqualTo("ROSTER");
        assertThat(shanghai.status()).as(shanghai.body()).isEqualTo(200);
        assertThat(shanghai.json().path("name").asString()).isEqualTo("上海市教育考试院");
        assertThat(shanghai.json().path("registrationGate").asString()).isEqualTo("OPEN");
        assertThat(shanghai.json().path("loginNeedsSms").asBoolean()).isFalse();
        assertThat(unprefixed.json().path("code").asString()).as("unprefixed is the default bureau").isEqualTo("sd");
        assertThat(Stack.GATEWAY.get("/xx/api/enrollments/public/bureau").problemCode()).isEqualTo("BUREAU_NOT_FOUND");
        assertThat(Stack.GATEWAY.get("/api/enrollments/public/bureaus").body()).contains("\"sd\"", "\"sh\"");
    }

    @Test
    void aShandongTokenFindsNothingAtShanghaisAddress() {
        Candidate candidate = LocalStack.newCandidates(1, "Bureau@2026").getFirst();
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, List.of(candidate), LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        journey.register(candidate);
        Tokens tokens = journey.login(candidate);

        assertThat(Stack.GATEWAY.get("/sd/api/accounts/me", tokens.accessToken()).status()).isEqualTo(200);
        HttpProbe.Answer elsewhere = Stack.GATEWAY.get("/sh/api/accounts/me", tokens.accessToken());
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain(candidate.idNumber().substring(0, 6));
        assertThat(Stack.GATEWAY.get("/sh/api/enrollments/mine", tokens.accessToken()).status()).isEqualTo(404);
        // a caller's own Baokao-Bureau header is removed at the edge: it cannot move a request to another bureau
        HttpProbe.Answer spoofed = Stack.GATEWAY.send(Stack.GATEWAY.request("/sh/api/accounts/me")
                .header("Authorization", "Bearer " + tokens.accessToken()).header("Baokao-Bureau", "sd"));
        assertThat(spoofed.status()).isEqualTo(404);
    }
}
