package org.baokao.web.security;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paths of a service that a role other than the conventional one may call ({@link ApiPaths}), e.g. operators
 * reading a candidate's photo under {@code /api/photos/...}, which by convention is the candidate's alone:
 * <pre>
 * baokao.security.role-paths:
 *   - method: GET                 # optional: any method when left out
 *     paths: /api/photos/{id},/api/photos/{id}/image
 *     roles: candidate,operator
 * </pre>
 * A rule replaces the convention for the paths it names (the first matching rule decides); method security on the
 * endpoints still narrows it.
 */
@ConfigurationProperties("baokao.security")
public record RolePaths(List<Rule> rolePaths) {

    public RolePaths {
        rolePaths = rolePaths == null ? List.of() : List.copyOf(rolePaths);
    }

    public record Rule(String method, List<String> paths, List<String> roles) {

        public Rule {
            paths = paths == null ? List.of() : List.copyOf(paths);
            roles = roles == null ? List.of() : List.copyOf(roles);
            method = method == null || method.isBlank() ? null : method.trim().toUpperCase(Locale.ROOT);
            if (paths.isEmpty() || roles.isEmpty()) {
                // a rule without roles would silently fall back to the convention: better to fail at start
                throw new IllegalStateException("baokao.security.role-paths: every rule needs paths and roles");
            }
        }
    }
}
