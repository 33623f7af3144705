package org.baokao.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.baokao.web.bureau.RequestBureau;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * BUR-1: a candidate's token opens only its own bureau's address (the {@code Baokao-Bureau} header the gateway sets
 * from the path prefix; none = the default bureau); elsewhere it finds nothing (404), before any endpoint runs.
 * Controllers read the addressed bureau as a {@link RequestBureau} parameter.
 */
@SpringBootTest(classes = BureauScopeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.banner-mode=off", "baokao.security.public-paths=/api/things/public/**" })
class BureauScopeTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    @RestController
    static class Endpoints {

        @GetMapping({ "/api/things/mine", "/api/things/operations/all", "/api/things/public/bureau" })
        String bureau(RequestBureau bureau) {
            return bureau.code();
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("baokao.security.issuers[0].issuer", LocalIssuer.INSTANCE::issuer);
        registry.add("baokao.security.issuers[0].jwk-set-uri", LocalIssuer.INSTANCE::jwkSetUri);
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Test
    void aCandidateTokenOpensItsOwnBureauOnly() {
        String shanghai = LocalIssuer.INSTANCE.tokenOfBureau("c-1", "sh", "candidate");

        assertThat(get("/api/things/mine", shanghai, "sh")).isEqualTo(new Answer(200, "sh"));
        Answer elsewhere = get("/api/things/mine", shanghai, "sd");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("sh");
        assertThat(get("/api/things/mine", shanghai, null).status())
                .as("no prefix is the default bureau (sd), not the token's").isEqualTo(404);
    }

    @Test
    void aTokenWithoutBureauBelongsToTheDefaultBureau() {
        String old = LocalIssuer.INSTANCE.token("c-2", "candidate");

        assertThat(get("/api/things/mine", old, null)).isEqualTo(new Answer(200, "sd"));
        assertThat(get("/api/things/mine", old, "sh").status()).isEqualTo(404);
    }

    @Test
    void anOperatorTokenOpensItsOwnBureauOnly() {
        String shanghai = LocalIssuer.INSTANCE.tokenOfBureau("admin-sh", "sh", "operator", "bureau-admin");

        assertThat(get("/api/things/operations/all", shanghai, "sh")).isEqualTo(new Answer(200, "sh"));
        Answer elsewhere = get("/api/things/operations/all", shanghai, "sd");
        assertThat(elsewhere.status()).as("OPS-3: another bureau's desk finds nothing").isEqualTo(404);
        assertThat(elsewhere.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(get("/api/things/operations/all", LocalIssuer.INSTANCE.tokenOfBureau("op-0", null, "operator"), "sh").status())
                .as("an operator bound to no bureau opens none").isEqualTo(404);
    }

    @Test
    void theAutomationAccountOfEveryBureauAndAnonymousCallersAreNotScopedByTheAddress() {
        String operator = LocalIssuer.INSTANCE.tokenOfBureau("automation", "*", "operator");

        assertThat(get("/api/things/operations/all", operator, "sh")).isEqualTo(new Answer(200, "sh"));
        assertThat(get("/api/things/operations/all", operator, null)).isEqualTo(new Answer(200, "sd"));
        assertThat(get("/api/things/public/bureau", null, "sh")).isEqualTo(new Answer(200, "sh"));
        assertThat(get("/api/things/public/bureau", null, null)).isEqualTo(new Answer(200, "sd"));
    }

    @Test
    void aMalformedBureauIsABureauThatDoesNotExist() {
        Answer answer = get("/api/things/public/bureau", null, "S H!");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("BUREAU_NOT_FOUND");
    }

    private Answer get(String path, String token, String bureau) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (bureau != null) {
            request.header("Baokao-Bureau", bureau);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String body) {
    }
}
