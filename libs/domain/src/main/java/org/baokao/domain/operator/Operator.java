package org.baokao.domain.operator;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * The person behind an operator request (OPS-3), from their Keycloak token: who (subject, login name, display
 * name), for which bureau, in which roles and within which scope. {@code bureau} is always the bureau the request
 * is addressed to: a token bound to another bureau never gets this far (404 before any endpoint), and the local
 * automation account, bound to every bureau, acts for the one it addresses.
 * <p>
 * Scope (what a desk shows and what a change may touch): a {@link OperatorRole#CITY_OPERATOR} sees the candidates
 * whose exam location is in {@code city}; a {@link OperatorRole#UNIVERSITY_REVIEWER} those who registered with
 * {@code university}; every other role the whole bureau. Something outside the scope is answered as absent (404,
 * {@link #outOfScope()}), as a candidate is answered for another candidate's data, never 403 with a hint.
 */
@DomainModel
public record Operator(String subject, String username, String name, String bureau, Set<OperatorRole> roles,
        String city, String university) {

    public Operator {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(bureau, "bureau");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        username = username == null ? subject : username;
        name = name == null || name.isBlank() ? username : name;
    }

    public boolean has(OperatorRole role) {
        return roles.contains(role);
    }

    public boolean hasAny(OperatorRole... any) {
        for (OperatorRole role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Bureau-wide: a role that is not narrowed to a city or a university (administrator, finance, auditor). */
    public boolean seesWholeBureau() {
        return hasAny(OperatorRole.BUREAU_ADMIN, OperatorRole.FINANCE, OperatorRole.AUDITOR);
    }

    /**
     * Whether a candidate's data is within this operator's scope. {@code candidateCity}: the region code of the
     * candidate's exam location (null if none chosen yet); {@code candidateUniversities}: the 主考学校 codes the
     * candidate registered with (empty for a roster bureau).
     */
    public boolean sees(String candidateBureau, String candidateCity, Set<String> candidateUniversities) {
        if (!bureau.equals(candidateBureau)) {
            return false;
        }
        if (seesWholeBureau()) {
            return true;
        }
        if (has(OperatorRole.CITY_OPERATOR) && city != null && city.equals(candidateCity)) {
            return true;
        }
        return has(OperatorRole.UNIVERSITY_REVIEWER) && university != null
                && candidateUniversities.contains(university);
    }

    /** Refuses unless the operator holds one of {@code allowed} (403: the desk is not theirs). */
    public void require(OperatorRole... allowed) {
        if (!hasAny(allowed)) {
            throw Refusal.forbidden("OPERATOR_ROLE_REQUIRED", "您没有办理此项业务的权限");
        }
    }

    /** The one answer for something outside the operator's scope: as if it were not there. */
    public static Refusal outOfScope() {
        return Refusal.notFound("NOT_FOUND", "未找到相关信息");
    }
}
