package org.baokao.account.roster;

import java.util.Locale;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/** The candidate types a Shandong 专升本 roster knows (ACC-3). The code is stored and sent in events. */
@DomainModel
public enum CandidateType {

    SCHOOL_RECOMMENDED("校荐"),
    THREE_PLUS_TWO("3+2"),
    VETERAN("退役士兵");

    private final String displayName;

    CandidateType(String displayName) {
        this.displayName = displayName;
    }

    /** The stored code, e.g. {@code THREE_PLUS_TWO}. */
    public String code() {
        return name();
    }

    /** The Chinese name the roster files and the forms use, e.g. 3+2. */
    public String displayName() {
        return displayName;
    }

    /**
     * The type a roster cell names: the Chinese name (校荐, 3+2, 退役士兵; also 退役大学生士兵 and a full-width
     * ３＋２) or the code in any letter case; empty for anything else.
     */
    public static Optional<CandidateType> fromRosterCell(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String value = cell.strip();
        switch (value) {
            case "校荐" -> {
                return Optional.of(SCHOOL_RECOMMENDED);
            }
            case "3+2", "３＋２", "3＋2", "３+２" -> {
                return Optional.of(THREE_PLUS_TWO);
            }
            case "退役士兵", "退役大学生士兵" -> {
                return Optional.of(VETERAN);
            }
            default -> {
                String upper = value.toUpperCase(Locale.ROOT);
                for (CandidateType type : values()) {
                    if (type.name().equals(upper)) {
                        return Optional.of(type);
                    }
                }
                return Optional.empty();
            }
        }
    }
}
