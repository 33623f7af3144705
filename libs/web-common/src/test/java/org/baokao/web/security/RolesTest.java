package org.baokao.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesTest {

    private final Roles roles = new Roles();

    @Test
    void accountServiceRolesClaimBecomesRoleAuthorities() {
        Jwt candidate = jwt(Map.of("roles", List.of("candidate")));

        assertThat(authorities(candidate)).containsExactly("ROLE_candidate");
    }

    @Test
    void keycloakRealmRolesBecomeRoleAuthorities() {
        Jwt partner = jwt(Map.of("realm_access", Map.of("roles", List.of("partner", "offline_access"))));

        assertThat(authorities(partner)).containsExactlyInAnyOrder("ROLE_partner", "ROLE_offline_access");
    }

    @Test
    void tokenWithoutRolesHasNoAuthorities() {
        assertThat(authorities(jwt(Map.of("scope", "profile")))).isEmpty();
    }

    private List<String> authorities(Jwt jwt) {
        return roles.convert(jwt).stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("someone").claims(c -> c.putAll(claims))
                .build();
    }
}
