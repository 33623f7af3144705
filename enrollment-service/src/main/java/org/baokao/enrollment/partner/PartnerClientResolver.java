package org.baokao.enrollment.partner;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.baokao.domain.Refusal;
import org.baokao.web.security.Roles;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills a controller's {@link PartnerClient} parameter from the partner's client-credentials token: the client id
 * ({@code azp}, Keycloak's authorized party), looked up in the {@link PartnerDirectory}, and the scope roles
 * ({@code realm_access.roles}). Refuses (403) a token that is not a partner's or a client the directory does not
 * know: the parameter is only on partner endpoints. With {@link Granted} on the parameter it also refuses a token
 * without that scope.
 */
public class PartnerClientResolver implements HandlerMethodArgumentResolver {

    private final PartnerDirectory directory;

    public PartnerClientResolver(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PartnerClient.class;
    }

    @Override
    public PartnerClient resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || !realmRoles(token.getToken()).contains(Roles.PARTNER)) {
            throw Refusal.forbidden("FORBIDDEN", "您没有权限访问该资源");
        }
        Jwt jwt = token.getToken();
        Partner partner = directory.find(jwt.getClaimAsString("azp"))
                .orElseThrow(() -> Refusal.forbidden("PARTNER_UNKNOWN", "该合作方未在平台登记，请联系考试院开通"));
        PartnerClient client = new PartnerClient(partner, scopes(jwt));
        Granted granted = parameter.getParameterAnnotation(Granted.class);
        if (granted != null) {
            client.require(granted.value());
        }
        return client;
    }

    private static Set<PartnerScope> scopes(Jwt jwt) {
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);
        for (Object role : realmRoles(jwt)) {
            PartnerScope.ofRoleName(String.valueOf(role)).ifPresent(scopes::add);
        }
        return scopes;
    }

    private static Collection<?> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles;
        }
        return Set.of();
    }
}
