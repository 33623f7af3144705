package org.baokao.photo.identity;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Transitions;

/**
 * An identity comparison's life (PHO-4): 核验中 until the provider answers, then decided once: 比对通过, 比对未通过,
 * or no reference photo at the public-security side (which goes to manual review).
 */
@DomainModel
public enum IdentityCheckStatus {
    PENDING("核验中"),
    MATCHED("比对通过"),
    MISMATCHED("比对未通过"),
    NO_REFERENCE("比对未通过");

    private static final Transitions<IdentityCheckStatus> TRANSITIONS = Transitions.of(IdentityCheckStatus.class)
            .allow(PENDING, MATCHED, MISMATCHED, NO_REFERENCE);

    private final String label;

    IdentityCheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status the provider's answer decides. */
    static IdentityCheckStatus of(ComparisonResult result) {
        return switch (result) {
            case MATCH -> MATCHED;
            case NO_MATCH -> MISMATCHED;
            case NO_REFERENCE -> NO_REFERENCE;
        };
    }

    public boolean isDecided() {
        return this != PENDING;
    }

    boolean mayBecome(IdentityCheckStatus next) {
        return TRANSITIONS.allows(this, next);
    }
}
