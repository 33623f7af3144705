package org.baokao.photo.approval;

import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * The proof images of a manual review (PHO-5) and their Chinese names. The three ID proofs are what every review
 * needs; 学历证明 and 单位证明 are asked of special majors (ENR-10). {@code OTHER} is only the roster bureaus' review.
 */
@DomainModel
public enum ProofKind {
    ID_CARD_FRONT("身份证人像面"),
    ID_CARD_BACK("身份证国徽面"),
    HOLDING_ID("手持身份证半身照"),
    EDUCATION_PROOF("学历证明"),
    EMPLOYER_PROOF("单位证明"),
    OTHER("其他证明材料");

    private final String displayName;

    ProofKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The kind of this code (exact), or empty. */
    public static Optional<ProofKind> of(String code) {
        for (ProofKind kind : values()) {
            if (kind.name().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
