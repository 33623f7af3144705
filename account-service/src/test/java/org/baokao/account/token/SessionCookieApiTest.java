package org.baokao.account.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseCookie;

/**
 * Issue 22: the refresh token as an HttpOnly, Secure, SameSite=Strict cookie scoped to the bureau's token endpoints;
 * a refresh by cookie needs the browser's header (CSRF); 退出 clears the cookie.
 */
@ServiceTest
class SessionCookieApiTest {

    private static final String REFRESH = "/api/accounts/public/tokens/refresh";
    private static final String REVOKE = "/api/accounts/public/tokens/revoke";

    @LocalServerPort
    int port;
    @Autowired
    RefreshTokens refreshTokens;

    @Test
    void anAnswerWithARefreshTokenSetsItAsAStrictHttpOnlyCookieUnderTheBureausTokenPath() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");

        var answer = send(request(REFRESH).header("Baokao-Bureau", "sd"), body(session.token()));

        assertThat(answer.status()).isEqualTo(200);
        String setCookie = answer.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=" + answer.json().path("refresh_token").asString())
                .contains("; Path=/sd/api/accounts/public/tokens").contains("; Secure").contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .as("a browser-session cookie: a shared computer forgets it when the browser closes")
                .doesNotContain("Max-Age").doesNotContain("Expires");
    }

    @Test
    void aBrowsersRefreshByCookieRotatesItAndKeepsTheTokenOutOfTheBody() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");

        var answer = send(browser(REFRESH, session.token()), "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("access_token").asString()).isNotBlank();
        assertThat(answer.json().has("refresh_token")).as("script never sees the refresh token").isFalse();
        String next = cookieOf(answer).getValue();
        assertThat(next).isNotBlank().isNotEqualTo(session.token());
        assertThat(send(browser(REFRESH, next), "").status()).as("the rotated cookie works, even with no body")
                .isEqualTo(200);
        var replayed = send(browser(REFRESH, session.token()), "{}");
        assertThat(replayed.status()).as("the replaced cookie came back: the session ends").isEqualTo(401);
        assertThat(replayed.problemCode()).isEqualTo("SESSION_ENDED");
    }

    @Test
    void aRefreshByCookieWithoutTheBrowsersHeaderIsRefusedAndSpendsNothing() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");

        var forged = send(request(REFRESH).header("Baokao-Bureau", "sd")
                .header("Cookie", SessionCookie.NAME + "=" + session.token()), "{}");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.problemCode()).isEqualTo("SESSION_HEADER_REQUIRED");
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.header("Set-Cookie")).isEmpty();
        assertThat(send(browser(REFRESH, session.token()), "{}").status())
                .as("the refused request did not use the token up").isEqualTo(200);
    }

    @Test
    void logoutByCookieEndsTheSessionAndClearsTheCookie() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");

        var answer = send(browser(REVOKE, session.token()), "{}");

        assertThat(answer.status()).isEqualTo(204);
        ResponseCookie cleared = cookieOf(answer);
        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getMaxAge().isZero()).isTrue();
        assertThat(answer.header("Set-Cookie").orElseThrow()).contains("Path=/sd/api/accounts/public/tokens");
        assertThat(send(request(REFRESH).header("Baokao-Bureau", "sd"), body(session.token())).status())
                .as("revoked on the server, not only forgotten by the browser").isEqualTo(401);
    }

    @Test
    void theBodysTokenStillWorksForClientsWithoutCookies() {
        var session = refreshTokens.startSession(UUID.randomUUID(), "sd");

        var answer = send(request(REFRESH), body(session.token()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("refresh_token").asString()).isNotBlank();
        assertThat(answer.header("Set-Cookie").orElseThrow()).as("unprefixed: the default bureau's path")
                .contains("Path=/api/accounts/public/tokens");
    }

    private HttpRequest.Builder request(String path) {
        return HttpProbe.onLocalPort(port).request(path).header("Content-Type", "application/json");
    }

    /** What the browser sends through the gateway: the bureau named, the cookie, the session header. */
    private HttpRequest.Builder browser(String path, String cookie) {
        return request(path).header("Baokao-Bureau", "sd").header("Cookie", SessionCookie.NAME + "=" + cookie)
                .header(SessionCookie.HEADER, "1");
    }

    private HttpProbe.Answer send(HttpRequest.Builder request, String body) {
        return HttpProbe.onLocalPort(port).send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String body(String refreshToken) {
        return "{\"refreshToken\":\"" + refreshToken + "\"}";
    }

    private static ResponseCookie cookieOf(HttpProbe.Answer answer) {
        List<java.net.HttpCookie> parsed = java.net.HttpCookie.parse(answer.header("Set-Cookie").orElseThrow());
        java.net.HttpCookie cookie = parsed.getFirst();
        assertThat(cookie.getName()).isEqualTo(SessionCookie.NAME);
        assertThat(cookie.isHttpOnly()).isTrue();
        return ResponseCookie.from(cookie.getName(), cookie.getValue()).maxAge(cookie.getMaxAge()).build();
    }
}
