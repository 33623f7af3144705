package org.baokao.account.identity;

import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * The identity documents a candidate may register with (ACC-1). The codes are the primary keys of the
 * {@code id_type} table (V1 migration); the names are what the forms show.
 */
@DomainModel
public enum IdType {

    RESIDENT_ID("居民身份证"),
    HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
    HMT_TRAVEL_PERMIT("港澳台胞证"),
    FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证"),
    PASSPORT("护照");

    private final String displayName;

    IdType(String displayName) {
        this.displayName = displayName;
    }

    /** The code stored in the database and sent by the forms, e.g. {@code RESIDENT_ID}. */
    public String code() {
        return name();
    }

    /** The Chinese name shown to candidates, e.g. 居民身份证. */
    public String displayName() {
        return displayName;
    }

    /** Whether the number carries a birth date and a gender (GB 11643 shaped): these are derived, never typed. */
    public boolean carriesBirthDateAndGender() {
        return this == RESIDENT_ID || this == HMT_RESIDENCE_PERMIT;
    }

    /** The type with this code (exact, case-sensitive), or empty for an unknown code. */
    public static Optional<IdType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (IdType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
