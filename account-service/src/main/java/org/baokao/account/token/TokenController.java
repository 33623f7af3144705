package org.baokao.account.token;

import java.util.Map;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.web.bureau.RequestBureau;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

    @PostMapping("/api/accounts/public/tokens/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request, RequestBureau addressed) {
        if (request == null || request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw Refusal.unauthenticated("SESSION_ENDED", "登录已失效，请重新登录");
        }
        RefreshTokens.Issued next = refreshTokens.rotate(request.refreshToken(), addressed.code());
        return TokenResponse.of(accessTokens.issue(next.candidateId(), next.bureau(), next.sessionId()), next.token(),
                accessTokens.validForSeconds());
    }

    @PostMapping("/api/accounts/public/tokens/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest request) {
        if (request != null && request.refreshToken() != null) {
            refreshTokens.endSession(request.refreshToken());
        }
    }

    /** A new signing key for candidates' tokens (the old ones stay valid until they expire): administrators, audited. */
    @PostMapping("/api/accounts/operations/signing-keys/rotate")
    Map<String, String> rotate(Operator operator) {
        operator.require(OperatorRole.BUREAU_ADMIN);
        String kid = keys.rotate().getKeyID();
        audit.record(operator, "signing-key.rotate", "signing-key", kid, kid, null, Map.of());
        return Map.of("kid", kid);
    }

    record RefreshRequest(String refreshToken) {
    }

    /** What a login or a refresh answers (OAuth2 token-response field names). */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(String accessToken, String refreshToken, long expiresIn) {
            return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken);
        }
    }
}
