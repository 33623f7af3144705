package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.LocalStack;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OPS-3 on the running stack with the real realm: each demo operator's Keycloak token carries their bureau, desk roles
 * and scope, and the services hold them to it — another bureau's address finds nothing (404), a desk of another role
 * is refused (403), another university's cases are not there (404).
 */
class OperatorRolesSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRACTICAL_REVIEWS = "/api/enrollments/operations/practical-reviews";

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static HttpProbe.Answer get(String path, String token) {
        return Stack.GATEWAY.send(Stack.GATEWAY.request(path).header("Authorization", "Bearer " + token).GET());
    }

    @Test
    @DisplayName("OPS-3: one demo operator per role, each token naming the bureau, the roles and the scope")
    void theRealmGivesEachOperatorTheirBureauRolesAndScope() {
        Map<String, String[]> expected = Map.of(
                "operator", new String[] {"sd", "bureau-admin", null, null},
                "admin-sh", new String[] {"sh", "bureau-admin", null, null},
                "city-jinan", new String[] {"sd", "city-operator", "3701", null},
                "reviewer-fudan", new String[] {"sh", "university-reviewer", null, "10246"},
                "finance-sd", new String[] {"sd", "finance", null, null},
                "auditor-sd", new String[] {"sd", "auditor", null, null});
        expected.forEach((username, want) -> {
            JsonNode claims = claims(LocalStack.operatorToken(username));
            assertThat(claims.path("bureau").asString()).as(username).isEqualTo(want[0]);
            assertThat(claims.path("realm_access").path("roles").toString()).as(username)
                    .contains("\"operator\"", "\"" + want[1] + "\"");
            assertThat(claims.path("city").isMissingNode() || claims.path("city").isNull() ? null
                    : claims.path("city").asString()).as(username).isEqualTo(want[2]);
            assertThat(claims.path("university").isMissingNode() || claims.path("university").isNull() ? null
                    : claims.path("university").asString()).as(username).isEqualTo(want[3]);
        });
    }

    @Test
    @DisplayName("OPS-3: through the gateway, an operator's desk answers at their bureau only, to their roles only, "
            + "within their university only")
    void theServicesHoldEachOperatorToTheirScope() {
        String fudan = LocalStack.operatorToken("reviewer-fudan");
        assertThat(get("/sh" + PRACTICAL_REVIEWS, fudan).status()).isEqualTo(200);
        assertThat(get("/sh" + PRACTICAL_REVIEWS + "?university=10268", fudan).status())
                .as("another university's queue").isEqualTo(404);
        assertThat(get("/sd" + PRACTICAL_REVIEWS, fudan).status()).as("another bureau").isEqualTo(404);
        assertThat(get("/sh" + PRACTICAL_REVIEWS, LocalStack.operatorToken("operator")).status())
                .as("Shandong's administrator at Shanghai's address").isEqualTo(404);
        assertThat(get("/sh" + PRACTICAL_REVIEWS, LocalStack.operatorToken("finance-sh")).status())
                .as("finance has no review desk").isEqualTo(403);
        assertThat(get("/sh" + PRACTICAL_REVIEWS, LocalStack.operatorToken("admin-sh")).status()).isEqualTo(200);
    }
}
