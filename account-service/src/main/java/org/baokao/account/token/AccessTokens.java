package org.baokao.account.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.web.bureau.BureauAddress;
import org.baokao.web.security.Roles;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * Signs a candidate's RS256 access token: subject = candidate id, role candidate, 15 minutes, and the bureau of the
 * account (claim {@code bureau}, BUR-1): every service's BureauScopeFilter refuses the token at another bureau's
 * address.
 */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(UUID candidateId, String bureau, UUID sessionId) {
        RSAKey key = keys.current();
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(candidateId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenValidFor()))
                .id(UUID.randomUUID().toString())
                .claim("sid", sessionId.toString())
                .claim("roles", List.of(Roles.CANDIDATE))
                .claim(BureauAddress.CLAIM, bureau)
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public long validForSeconds() {
        return properties.accessTokenValidFor().toSeconds();
    }
}
