package org.baokao.enrollment.partner;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner bureau's client may do through the partner API (API-1): each is a realm role of the Keycloak realm
 * held by the client's service account, so every partner has its own set.
 */
public enum PartnerScope {
    /** Verify one candidate's enrollment: ID type + number + name → exams, status, paid or not. */
    VERIFY("partner-verify"),
    /** List an exam's enrollments, paged with a cursor. */
    ENROLLMENTS("partner-enrollments"),
    /** Read a candidate's admission data, only with the candidate's consent (API-3). */
    ADMISSION("partner-admission"),
    /** Register webhook endpoints and redeliver deliveries (API-2). */
    WEBHOOKS("partner-webhooks");

    private final String roleName;

    PartnerScope(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static Optional<PartnerScope> ofRoleName(String roleName) {
        return Arrays.stream(values()).filter(scope -> scope.roleName.equals(roleName)).findFirst();
    }
}
