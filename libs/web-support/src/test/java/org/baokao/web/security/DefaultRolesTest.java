package org.baokao.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roles every service requires by path before any endpoint runs (ApiPaths), here for endpoints that check
 * nothing themselves: the candidate's API takes only candidate tokens, operations only operators, the partner API
 * only partners, internal calls only services; public paths take anyone, and a service's declared role paths
 * widen one path for the roles it names (for that method only).
 */
@SpringBootTest(classes = DefaultRolesTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.banner-mode=off",
                "baokao.security.public-paths=/api/things/public/**",
                "baokao.security.role-paths[0].method=GET",
                "baokao.security.role-paths[0].paths=/api/things/{id}/image",
                "baokao.security.role-paths[0].roles=candidate,operator" })
class DefaultRolesTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    /** No method security at all: whatever protects them is the default. */
    @RestController
    static class Endpoints {

        @GetMapping({ "/api/things/mine", "/api/things/operations/all", "/open-api/v1/things", "/internal/things",
                "/api/things/public/info", "/api/things/{id}/image", "/elsewhere" })
        String read() {
            return "data";
        }

        @PostMapping("/api/things/{id}/image")
        String write() {
            return "written";
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
    void theCandidatesApiTakesOnlyCandidateTokens() {
        assertThat(get("/api/things/mine", "candidate")).isEqualTo(200);
        assertThat(get("/api/things/mine", "partner")).isEqualTo(403);
        assertThat(get("/api/things/mine", "operator")).isEqualTo(403);
        assertThat(get("/api/things/mine", "service")).isEqualTo(403);
        assertThat(get("/api/things/mine")).as("a token without any role").isEqualTo(403);
        assertThat(getAnonymously("/api/things/mine")).isEqualTo(401);
    }

    @Test
    void operationsPartnerAndInternalPathsTakeTheirOwnRoleOnly() {
        assertThat(get("/api/things/operations/all", "operator")).isEqualTo(200);
        assertThat(get("/api/things/operations/all", "candidate")).isEqualTo(403);
        assertThat(get("/open-api/v1/things", "partner")).isEqualTo(200);
        assertThat(get("/open-api/v1/things", "candidate")).isEqualTo(403);
        assertThat(get("/open-api/v1/things", "operator")).isEqualTo(403);
        assertThat(get("/internal/things", "service")).isEqualTo(200);
        assertThat(get("/internal/things", "candidate")).isEqualTo(403);
        assertThat(get("/internal/things", "partner")).isEqualTo(403);
    }

    @Test
    void declaredRolePathsWidenOnePathForOneMethod() {
        assertThat(get("/api/things/42/image", "candidate")).isEqualTo(200);
        assertThat(get("/api/things/42/image", "operator")).isEqualTo(200);
        assertThat(get("/api/things/42/image", "partner")).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/api/things/42/image"))
                .header("Authorization", "Bearer " + LocalIssuer.INSTANCE.token("op-1", "operator"))
                .POST(HttpRequest.BodyPublishers.noBody()))).as("POST stays the candidate's").isEqualTo(403);
    }

    @Test
    void publicPathsTakeAnyoneAndOtherPathsAnyValidToken() {
        assertThat(getAnonymously("/api/things/public/info")).isEqualTo(200);
        assertThat(get("/elsewhere")).isEqualTo(200);
        assertThat(getAnonymously("/elsewhere")).isEqualTo(401);
    }

    private int get(String path, String... roles) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + LocalIssuer.INSTANCE.token("subject-1", roles)));
    }

    private int getAnonymously(String path) {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private int send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 403) {
                assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"").doesNotContain("data");
            }
            return response.statusCode();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
