package org.baokao.web.bureau;

import java.io.IOException;

import org.baokao.web.problem.Problems;
import org.baokao.web.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * BUR-1: a candidate's token only opens its own bureau's address. The token names the bureau of the account (claim
 * {@code bureau}; a token from before bureaus belongs to the default bureau); on another bureau's address the
 * request finds nothing: 404, as if the data were not there, never someone else's data and never a hint that the
 * account exists elsewhere. Runs after authentication, before any endpoint, in every service.
 * <p>
 * OPS-3: an operator's token is bound the same way, by the Keycloak user attribute {@code bureau}; an operator
 * token with no bureau opens no bureau, and only {@link #EVERY_BUREAU} (the local realm's automation account)
 * opens every one. Partners and services are not bound to a bureau here.
 */
public class BureauScopeFilter extends OncePerRequestFilter {

    /** The bureau claim of an account that may act for every bureau (local realm only: tests' automation). */
    public static final String EVERY_BUREAU = "*";

    private final BureauProperties properties;

    public BureauScopeFilter(BureauProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && !mayAddress(token, addressed(request))) {
            ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "未找到相关信息");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(Problems.json(problem));
            return;
        }
        chain.doFilter(request, response);
    }

    private String addressed(HttpServletRequest request) {
        String header = request.getHeader(BureauAddress.HEADER);
        return header == null || header.isBlank() ? properties.defaultCode() : header.strip();
    }

    private boolean mayAddress(JwtAuthenticationToken token, String addressed) {
        String tokenBureau = token.getToken().getClaimAsString(BureauAddress.CLAIM);
        if (hasRole(token, Roles.CANDIDATE)) {
            return addressed.equals(tokenBureau == null ? properties.defaultCode() : tokenBureau);
        }
        if (hasRole(token, Roles.OPERATOR)) {
            return EVERY_BUREAU.equals(tokenBureau) || addressed.equals(tokenBureau);
        }
        return true;
    }

    private static boolean hasRole(JwtAuthenticationToken token, String role) {
        return token.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + role).equals(authority.getAuthority()));
    }
}
