package org.baokao.web.security;

/**
 * Where each kind of caller's endpoints live, the same in every service. The services' resource-server security
 * requires the matching role by path before any endpoint runs, so an endpoint that forgets its own role check is
 * still closed to the wrong kind of token (a partner's or an operator's token on a candidate endpoint, whose
 * {@code sub} would otherwise be taken for a candidate id). Patterns in Spring's path-pattern syntax.
 */
public final class ApiPaths {

    /** Operator endpoints of a service: {@code /api/<service>/operations/...} (role {@link Roles#OPERATOR}). */
    public static final String OPERATIONS = "/api/*/operations/**";

    /** The partner bureaus' API, API-1 (role {@link Roles#PARTNER}). */
    public static final String PARTNER = "/open-api/**";

    /** Calls between services, with a service's own token (role {@link Roles#SERVICE}). */
    public static final String INTERNAL = "/internal/**";

    /**
     * Everything else under {@code /api}: the candidate's own API (role {@link Roles#CANDIDATE}), apart from a
     * service's public paths and the paths it declares for other roles.
     */
    public static final String CANDIDATE = "/api/**";

    private ApiPaths() {
    }
}
