package org.baokao.account.token;

import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.web.bureau.BureauAddress;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JWKS every service and the gateway fetch to check candidate tokens; refreshing and ending a session;
 * operators rotating the signing key.
 */
@RestController
class TokenController {

    private final SigningKeys keys;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;

    private final OperatorAudit audit;

    TokenController(SigningKeys keys, AccessTokens accessTokens, RefreshTokens refreshTokens, OperatorAudit audit) {
        this.audit = audit;
        this.keys = keys;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    @GetMapping("/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        keys.current(); // a fresh installation publishes its first key before anyone logs in
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(keys.publicKeys().toJSONObject());
    }

    /**
     * The next tokens of a session, for the refresh token in the body (a partner's client, a test) or in the session
     * cookie (a browser, which must then send {@link SessionCookie#HEADER}: a cross-site form cannot, CSRF).
     */
    @PostMapping("/api/accounts/public/tokens/refresh")
    TokenResponse refresh(@RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = SessionCookie.NAME, required = false) String cookie,
            @RequestHeader(name = SessionCookie.HEADER, required = false) String browser, RequestBureau addressed,
            HttpServletResponse response) {
        String token = presented(request, cookie);
        if (token == null) {
            throw Refusal.unauthenticated("SESSION_ENDED", "登录已失效，请重新登录");
        }
        if (!hasText(request) && browser == null) {
            throw Refusal.forbidden("SESSION_HEADER_REQUIRED", "请求缺少会话标识，请从报名网站页面操作");
        }
        RefreshTokens.Issued next;
        try {
            next = refreshTokens.rotate(token, addressed.code());
        } catch (Refusal refused) {
            // a replaced token presented again ended its session (theft): the 401 names it for the gateway, which
            // refuses that session's access tokens at once, the thief's included (issue 23 §5)
            if ("SESSION_ENDED".equals(refused.code())) {
                refreshTokens.endedSessionOf(token).ifPresent(
                        session -> response.setHeader(RefreshTokens.SESSION_ENDED_HEADER, session.toString()));
            }
            throw refused;
        }
        return TokenResponse.of(accessTokens.issue(next.candidateId(), next.bureau(), next.sessionId()), next.token(),
                accessTokens.validForSeconds());
    }

    /**
     * 退出: ends the session of the refresh token in the body or the cookie, and makes the browser forget the cookie.
     * The answer names the ended session ({@link RefreshTokens#SESSION_ENDED_HEADER}: the access tokens' {@code sid});
     * the gateway remembers it, refuses those access tokens from then on, in every tab (issue 23 §5), and takes the
     * header off the answer.
     */
    @PostMapping("/api/accounts/public/tokens/revoke")
    ResponseEntity<Void> logout(@RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = SessionCookie.NAME, required = false) String cookie,
            @RequestHeader(name = BureauAddress.HEADER, required = false) String bureau) {
        String token = presented(request, cookie);
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.cleared(bureau).toString());
        if (token != null) {
            refreshTokens.endSession(token).ifPresent(session -> answer.header(RefreshTokens.SESSION_ENDED_HEADER,
                    session.toString()));
        }
        return answer.build();
    }

    /** A new signing key for candidates' tokens (the old ones stay valid until they expire): administrators, audited. */
    @PostMapping("/api/accounts/operations/signing-keys/rotate")
    Map<String, String> rotate(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        String kid = keys.rotate().getKeyID();
        audit.record(operator, "signing-key.rotate", "signing-key", kid, kid, null, Map.of());
        return Map.of("kid", kid);
    }

    /** The body's token first (a client that sends one means it), else the cookie's; null when neither has one. */
    private static String presented(RefreshRequest request, String cookie) {
        if (hasText(request)) {
            return request.refreshToken();
        }
        return cookie == null || cookie.isBlank() ? null : cookie;
    }

    private static boolean hasText(RefreshRequest request) {
        return request != null && request.refreshToken() != null && !request.refreshToken().isBlank();
    }

    /** {@code refreshToken} may be left out by a browser, whose token is in the cookie. */
    record RefreshRequest(String refreshToken) {
    }

    /** What a login or a refresh answers (OAuth2 token-response field names). */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken)
            implements SessionAnswer {

        @Override
        public TokenResponse withoutRefreshToken() {
            return new TokenResponse(accessToken, tokenType, expiresIn, null);
        }

        static TokenResponse of(String accessToken, String refreshToken, long expiresIn) {
            return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken);
        }
    }
}
