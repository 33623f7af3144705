package org.baokao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The candidate UI (module web) is served by the gateway, with its client-side routes (SinglePageAppFilter). */
class WebUiTest extends GatewayTest {

    @Test
    void servesTheCandidateUiAtTheRootWithoutLogin() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().cacheControl(CacheControl.noCache())
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<div id=\"app\">", "<title>网上报名</title>")
                        // the same page serves every bureau: it names none before it has asked which it is
                        .doesNotContain("山东", "上海"));
    }

    @Test
    void aPageAddressOfTheUiOpenedInTheBrowserAnswersThePage() {
        for (String page : new String[] {"/wizard/payment", "/capture/abc123", "/login"}) {
            client.get().uri(page).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));
        }
    }

    @Test
    void aBureausPageAddressOpenedInTheBrowserAnswersThePage() {
        for (String page : new String[] {"/sd/", "/sh/", "/sh/login", "/sd/wizard/payment", "/sh/capture/abc123",
                "/xx/login"}) {
            client.get().uri(page).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(CacheControl.noCache())
                    .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));
        }
    }

    @Test
    void theOperatorConsoleIsAPageOfItsOwnAtEveryAddressUnderConsole() {
        for (String page : new String[] {"/console", "/console/", "/console/orders/abc", "/console/audit"}) {
            client.get().uri(page).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk()
                    .expectHeader().cacheControl(CacheControl.noCache())
                    .expectBody(String.class).value(html -> assertThat(html)
                            .contains("<div id=\"console\">", "<title>工作人员管理平台</title>")
                            .doesNotContain("<div id=\"app\">"));
        }
        client.get().uri("/consoles").accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).value(html -> assertThat(html).contains("<div id=\"app\">"));
    }

    @Test
    void theConsoleLearnsWhereKeycloakIsBeforeAnyoneLoggedIn() {
        client.get().uri("/console-settings.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keycloakUrl").isEqualTo("http://localhost:8180")
                .jsonPath("$.realm").isEqualTo("baokao")
                .jsonPath("$.clientId").isEqualTo("baokao-web");
    }

    @Test
    void aBureausApiPathAskedForByABrowserIsStillTheApi() {
        client.get().uri("/sd/api/enrollments/mine").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void builtFilesAreServedAndCachedForAYear() {
        String html = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as(html).isTrue();
        client.get().uri(script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void aMissingFileIsNotAnsweredWithThePage() {
        client.get().uri("/assets/no-such-file.js").accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anApiPathAskedForByABrowserIsStillTheApi() {
        client.get().uri("/api/enrollments/mine").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        client.get().uri("/no-such-page").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.detail").isEqualTo("请求的资源不存在");
    }

    @Test
    void unknownApiPathWithAValidTokenIsANotFoundProblem() {
        client.get().uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ACCOUNTS.token("candidate-1", "candidate")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void exposesBreakerStateToPrometheus() {
        breakers.circuitBreaker("account");
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("resilience4j_circuitbreaker_state", "application=\"gateway\""));
    }
}
