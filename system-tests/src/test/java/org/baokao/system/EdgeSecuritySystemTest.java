package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.baokao.testkit.HttpProbe;
import org.junit.jupiter.api.Test;

/** GW-1 / API-1: the partner API through the gateway, with real Keycloak client-credentials tokens. */
class EdgeSecuritySystemTest {

    private static final String PROTECTED = "/open-api/v1/exams";

    @Test
    void withoutATokenThePartnerApiAnswers401() {
        var answer = Stack.GATEWAY.get(PROTECTED);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aKeycloakPartnerTokenGetsThrough() {
        var answer = Stack.GATEWAY.get(PROTECTED, partnerToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("2023年普通高等教育专升本考试");
    }

    @Test
    void aTamperedTokenAnswers401() {
        String[] parts = partnerToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"partner-demo\"", "\"partner-evil\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(forged).isNotEqualTo(String.join(".", parts));

        var answer = Stack.GATEWAY.get(PROTECTED, forged);

        assertThat(answer.status()).isEqualTo(401);
    }

    /** A token exactly as a partner bureau's system gets one: OAuth2 client credentials at Keycloak. */
    static String partnerToken() {
        HttpProbe keycloak = HttpProbe.at(Stack.KEYCLOAK);
        var answer = keycloak.send(keycloak.request("/realms/baokao/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=partner-demo&client_secret=partner-demo-secret")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asString();
    }
}
