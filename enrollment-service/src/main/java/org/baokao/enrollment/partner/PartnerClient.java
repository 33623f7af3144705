package org.baokao.enrollment.partner;

import java.util.Objects;
import java.util.Set;

import org.baokao.domain.Refusal;

/**
 * The partner calling the partner API (API-1): who it is and which scopes its token holds. Controllers take it as a
 * parameter ({@link PartnerClientResolver}), first, marked with the scope they need ({@link Granted}).
 */
public record PartnerClient(Partner partner, Set<PartnerScope> scopes) {

    public PartnerClient {
        Objects.requireNonNull(partner, "partner");
        scopes = Set.copyOf(scopes);
    }

    public String clientId() {
        return partner.clientId();
    }

    /** The hosted bureau whose data this partner reads, whatever the request names. */
    public String bureau() {
        return partner.bureau();
    }

    /** Refuses (403 {@code SCOPE_MISSING}) unless the client was granted {@code scope}. */
    public void require(PartnerScope scope) {
        if (!scopes.contains(scope)) {
            throw Refusal.forbidden("SCOPE_MISSING", "该合作方未获授权使用此接口（缺少权限 " + scope.roleName() + "）");
        }
    }
}
