package org.baokao.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.operator.Operator;
import org.baokao.web.bureau.RequestBureau;
import org.baokao.web.security.LocalIssuer;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1: what every service's OpenAPI document gets from web-support, with the settings every service imports
 * (baokao-service-defaults.yml): version 3.1 at the operations path, operators only; a fixed server; the service's
 * title and bearer token; problem details for every refusal; no token on public paths; and none of the parameters
 * Baokao fills from headers and tokens (bureau, operator) shown as if the caller sent them.
 */
@SpringBootTest(classes = OpenApiDocumentTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.main.banner-mode=off",
                "spring.config.import=classpath:baokao-service-defaults.yml",
                "baokao.messaging.operations-path=/api/things/operations",
                "baokao.security.public-paths=/api/things/public/**",
                "baokao.openapi.title=报考平台 示例服务接口",
                "baokao.openapi.description=示例" })
class OpenApiDocumentTest {

    private static final String DOCUMENT = "/api/things/operations/api-docs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class App {
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/things/operations/list")
        List<String> list(Operator operator, RequestBureau bureau, @RequestParam(required = false) String status) {
            return List.of();
        }

        @GetMapping("/api/things/public/info")
        String info(RequestBureau bureau) {
            return "info";
        }

        @PostMapping("/api/things/photos")
        String upload(@RequestParam("photo") MultipartFile photo) {
            return "stored";
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
    void operatorsReadTheDocumentAtTheOperationsPath() {
        assertThat(status(DOCUMENT, null)).isEqualTo(401);
        assertThat(status(DOCUMENT, "candidate")).isEqualTo(403);
        assertThat(status(DOCUMENT, "partner")).isEqualTo(403);
        assertThat(status(DOCUMENT, "operator")).isEqualTo(200);
    }

    @Test
    void itIsOpenApi31WithTheServicesTitleAndAFixedServer() {
        JsonNode document = document();

        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("title").asString()).isEqualTo("报考平台 示例服务接口");
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(document.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.path("security").get(0).has("bearer-jwt")).isTrue();
    }

    @Test
    void theBureauAndTheOperatorAreNoParametersOfTheCaller() {
        JsonNode list = document().path("paths").path("/api/things/operations/list").path("get");

        assertThat(names(list.path("parameters"))).containsExactly("status");
        assertThat(list.has("requestBody")).isFalse();
        assertThat(names(document().path("paths").path("/api/things/public/info").path("get").path("parameters")))
                .isEmpty();
    }

    @Test
    void everyOperationAnswersRefusalsAsProblemDetails() {
        JsonNode document = document();

        assertThat(document.path("paths").path("/api/things/operations/list").path("get").path("responses")
                .path("default").path("$ref").asString()).isEqualTo("#/components/responses/Problem");
        JsonNode problem = document.path("components").path("responses").path("Problem").path("content");
        assertThat(problem.path("application/problem+json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(names(document.path("components").path("schemas").path("Problem").path("required")))
                .contains("code", "detail");
    }

    @Test
    void publicPathsNeedNoToken() {
        JsonNode paths = document().path("paths");

        assertThat(paths.path("/api/things/public/info").path("get").path("security").isArray()).isTrue();
        assertThat(paths.path("/api/things/public/info").path("get").path("security")).isEmpty();
        assertThat(paths.path("/api/things/operations/list").path("get").has("security")).isFalse();
    }

    @Test
    void anUploadIsMultipart() {
        JsonNode body = document().path("paths").path("/api/things/photos").path("post").path("requestBody");

        assertThat(names(body.path("content"))).containsExactly("multipart/form-data");
    }

    private JsonNode document() {
        return JSON.readTree(send(DOCUMENT, "operator").body());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> names.add(element.isObject() ? element.path("name").asString() : element.asString()));
        } else {
            names.addAll(node.propertyNames());
        }
        return names;
    }

    private int status(String path, String role) {
        return send(path, role).statusCode();
    }

    private HttpResponse<String> send(String path, String role) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (role != null) {
            request.header("Authorization", "Bearer " + LocalIssuer.INSTANCE.token("subject-1", role));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
