package org.baokao.gateway.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import org.baokao.gateway.support.FakeService;
import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * BUR-1: a bureau's API is addressed by its path prefix ({@code /sd/api/...}, {@code /sh/api/...}); the service gets
 * its own path and the bureau in {@code Baokao-Bureau}, which no caller can set for itself.
 */
class BureauPrefixTest extends GatewayTest {

    private static final String HEADER = "Baokao-Bureau";

    @ParameterizedTest(name = "{0} -> {2} {1}")
    @CsvSource({
            "/sh/api/accounts/me?fields=phone,                          /api/accounts/me?fields=phone,       account, sh",
            "/sd/api/enrollments/e-1/steps/2?x=%E4%B8%AD,               /api/enrollments/e-1/steps/2?x=%E4%B8%AD, enrollment, sd",
            "/sh/api/photos/sessions/%E4%B8%AD,                         /api/photos/sessions/%E4%B8%AD,      photo,   sh",
            "/sh/api/payments/orders/o-1?refresh=true,                  /api/payments/orders/o-1?refresh=true, payment, sh" })
    void aBureausCallReachesItsServiceWithoutThePrefixAndNamingTheBureau(String sent, String received,
            String serviceName, String bureau) {
        String token = ACCOUNTS.candidateTokenOf(bureau, "candidate-1");

        client.get().uri(exactly(sent)).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(serviceName);

        FakeService.Received call = service(serviceName).lastReceived();
        assertThat(call.uri()).isEqualTo(received);
        assertThat(call.headers().get(HEADER)).containsExactly(bureau);
        assertThat(call.header("Authorization")).isEqualTo(bearer(token));
    }

    @Test
    void thePrefixNamesTheBureauWhateverHeaderTheCallerSent() {
        client.post().uri("/sh/api/accounts/public/logins").header(HEADER, "sd").header("baokao-bureau", "xx")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();

        assertThat(ACCOUNT.lastReceived().headers().get(HEADER)).containsExactly("sh");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Baokao-Bureau", "baokao-bureau", "BAOKAO-BUREAU" })
    void aCallWithoutAPrefixCannotNameABureau(String header) {
        client.get().uri("/api/accounts/me").header(header, "sh")
                .header(HttpHeaders.AUTHORIZATION, bearer(ACCOUNTS.token("candidate-1", "candidate"))).exchange()
                .expectStatus().isOk();

        assertThat(ACCOUNT.lastReceived().uri()).isEqualTo("/api/accounts/me");
        assertThat(ACCOUNT.lastReceived().header(HEADER)).as("the default bureau's call").isNull();
    }

    @Test
    void thePartnerApiCannotNameABureauEither() {
        client.get().uri("/open-api/v1/exams").header(HEADER, "sh")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEYCLOAK.token("partner-demo", "partner"))).exchange()
                .expectStatus().isOk();

        assertThat(ENROLLMENT.lastReceived().header(HEADER)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/sh/api/accounts/public/captchas,    account",
            "/sd/api/accounts/public/logins,      account",
            "/sh/api/enrollments/public/bureau,   enrollment",
            "/sh/api/photos/public/capture/abc,   photo",
            "/sh/api/payments/public/channels,    payment",
            "/sd/api/payments/notify/unionpay,    payment" })
    void publicPathsNeedNoTokenUnderABureausPrefix(String path, String serviceName) {
        client.post().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(serviceName);
    }

    @Test
    void protectedPathsStayProtectedUnderABureausPrefix() {
        client.get().uri("/sh/api/enrollments/mine").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");

        assertThat(ENROLLMENT.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/toolongcode/api/accounts/public/id-types", "/s1/api/accounts/public/id-types",
            "/SH/api/accounts/public/id-types", "/sh/x/api/accounts/public/id-types" })
    void aPathThatIsNoBureausPrefixIsNotABureausCall(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");

        assertThat(ACCOUNT.received()).isEmpty();
    }

    private static FakeService service(String name) {
        return switch (name) {
            case "account" -> ACCOUNT;
            case "enrollment" -> ENROLLMENT;
            case "photo" -> PHOTO;
            case "payment" -> PAYMENT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
