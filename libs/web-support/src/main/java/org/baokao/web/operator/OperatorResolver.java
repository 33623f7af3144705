package org.baokao.web.operator;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.web.bureau.BureauProperties;
import org.baokao.web.bureau.RequestBureau;
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

import jakarta.servlet.http.HttpServletRequest;

/**
 * Fills a controller's {@link Operator} parameter (OPS-3) from the operator's Keycloak token: {@code sub},
 * {@code preferred_username}, {@code name}, the realm roles, and the user attributes {@code city} and
 * {@code university} (protocol mappers of the realm). The bureau is the one the request addresses
 * ({@link RequestBureau}); {@code BureauScopeFilter} has already refused a token bound to another bureau.
 * A request without an operator token is refused (403): the parameter is only on operator endpoints.
 */
public class OperatorResolver implements HandlerMethodArgumentResolver {

    private final BureauProperties bureaus;

    public OperatorResolver(BureauProperties bureaus) {
        this.bureaus = bureaus;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Operator.class;
    }

    @Override
    public Operator resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || !isOperator(token.getToken())) {
            throw Refusal.forbidden("FORBIDDEN", "您没有权限访问该资源");
        }
        RequestBureau bureau = RequestBureau.of(webRequest.getNativeRequest(HttpServletRequest.class), bureaus);
        return of(token.getToken(), bureau.code());
    }

    /** The operator a token names, acting for {@code bureau}. */
    public static Operator of(Jwt jwt, String bureau) {
        return new Operator(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("name"), bureau, roles(jwt), blankToNull(jwt.getClaimAsString("city")),
                blankToNull(jwt.getClaimAsString("university")));
    }

    private static boolean isOperator(Jwt jwt) {
        return realmRoles(jwt).contains(Roles.OPERATOR);
    }

    private static Set<OperatorRole> roles(Jwt jwt) {
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        for (Object role : realmRoles(jwt)) {
            OperatorRole.ofRoleName(String.valueOf(role)).ifPresent(roles::add);
        }
        return roles;
    }

    private static Collection<?> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles;
        }
        return Set.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
