package org.baokao.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a token's roles to {@code ROLE_*} authorities. Keycloak puts realm roles in
 * {@code realm_access.roles}; account-service puts the candidate's in {@code roles}.
 */
public final class Roles implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String CANDIDATE = "candidate";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    /** Another Baokao service calling with its own client-credentials token (Keycloak realm role). */
    public static final String SERVICE = "service";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        addRoles(authorities, jwt.getClaimAsStringList("roles"));
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> realmRoles) {
            addRoles(authorities, realmRoles.stream().map(String::valueOf).toList());
        }
        return authorities;
    }

    private static void addRoles(List<GrantedAuthority> authorities, List<String> roles) {
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
    }
}
