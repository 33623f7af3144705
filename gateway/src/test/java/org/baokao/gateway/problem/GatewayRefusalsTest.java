package org.baokao.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.baokao.gateway.support.GatewayTest;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the gateway refuses by itself, before any route, answers in problem details with a stable code like every
 * other refusal: requests written byte by byte (RawHttp), as no client library would send them.
 */
class GatewayRefusalsTest extends GatewayTest {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/accounts/%2e%2e/accounts/public/id-types", "/api/accounts/public/..%2fx",
            "/api/accounts/../accounts/public/id-types", "//api/accounts/public/id-types",
            "/api/accounts/public/a%2fb", "/api/accounts/public/id-types;x=1", "/api/accounts/public/a%00b",
            "/api/accounts/public/a%0d%0ab" })
    void aPathTheGatewayWillNotRouteIsA400Problem(String target) {
        HttpProbe.Answer answer = raw("GET", target, Map.of());

        assertProblem(answer, 400, "REQUEST_REJECTED", "请求地址或请求头不符合规范");
        assertThat(ACCOUNT.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/accounts/public/%zz", "/api/accounts/public/a\\b", "/api/accounts/public/a b" })
    void aTargetThatIsNoUriIsA400Problem(String target) {
        HttpProbe.Answer answer = raw("GET", target, Map.of());

        assertProblem(answer, 400, "MALFORMED_REQUEST", "请求格式不正确");
        assertThat(ACCOUNT.received()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "TRACE", "CONNECT", "PROPFIND" })
    void aMethodTheGatewayDoesNotServeIsA405ProblemNamingTheOthers(String method) {
        HttpProbe.Answer answer = raw(method, "/api/accounts/public/id-types", Map.of());

        assertProblem(answer, 405, "METHOD_NOT_ALLOWED", "不支持该请求方式");
        assertThat(answer.header("Allow")).contains("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(ACCOUNT.received()).isEmpty();
    }

    @Test
    void traceOfAPageIsRefusedToo() {
        assertProblem(raw("TRACE", "/", Map.of()), 405, "METHOD_NOT_ALLOWED", "不支持该请求方式");
    }

    @Test
    void aRequestLineOverFourKilobytesIsA414Problem() {
        HttpProbe.Answer answer = raw("GET", "/api/accounts/public/id-types?q=" + "a".repeat(4100), Map.of());

        assertProblem(answer, 414, "URI_TOO_LONG", "请求地址过长");
        assertThat(ACCOUNT.received()).isEmpty();
    }

    @Test
    void aLongButAcceptableRequestLineIsRouted() {
        HttpProbe.Answer answer = raw("GET", "/api/accounts/public/id-types?q=" + "a".repeat(3900), Map.of());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void headersOverEightKilobytesAreA431Problem() {
        HttpProbe.Answer answer = raw("GET", "/api/accounts/public/id-types", Map.of("X-Big", "b".repeat(9000)));

        assertProblem(answer, 431, "HEADERS_TOO_LARGE", "请求头过大");
        assertThat(ACCOUNT.received()).isEmpty();
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        HttpProbe.Answer answer = raw("GET", "/api/nothing-here",
                Map.of("Authorization", bearer(ACCOUNTS.token("candidate-1", "candidate"))));

        assertProblem(answer, 404, "NOT_FOUND", "请求的资源不存在");
    }

    @Test
    void anUnknownApiPathWithoutATokenIsAskedToLogInFirst() {
        // /api/** needs a token before anything is looked up: which paths exist is nobody's business without one
        assertProblem(raw("GET", "/api/nothing-here", Map.of()), 401, "UNAUTHENTICATED",
                "请先登录，或登录已失效，请重新登录");
    }

    private HttpProbe.Answer raw(String method, String target, Map<String, String> headers) {
        return RawHttp.onLocalPort(port).send(method, target, headers);
    }

    private static void assertProblem(HttpProbe.Answer answer, int status, String code, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.problemCode()).isEqualTo(code);
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:baokao:problem:" + code);
        assertThat(answer.json().path("detail").asString()).isEqualTo(detail);
    }
}
