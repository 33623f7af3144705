package org.baokao.photo.approval;

import org.baokao.domain.DomainModel;

/**
 * The identity documents of CandidateRegistered's {@code idType} (account-service's codes) as far as the approval
 * cares: only a 居民身份证 can be compared with the public-security photo.
 */
@DomainModel
enum IdDocumentType {
    RESIDENT_ID("居民身份证"),
    HMT_RESIDENCE_PERMIT("港澳台居民居住证"),
    HMT_TRAVEL_PERMIT("港澳台胞证"),
    FOREIGN_PERMANENT_RESIDENT("外国人永久居留身份证"),
    PASSPORT("护照");

    private final String displayName;

    IdDocumentType(String displayName) {
        this.displayName = displayName;
    }

    static boolean isResidentId(String code) {
        return RESIDENT_ID.name().equals(code);
    }

    /** The Chinese name; a code this service does not know yet is named generically (and reviewed, never compared). */
    static String nameOf(String code) {
        for (IdDocumentType type : values()) {
            if (type.name().equals(code)) {
                return type.displayName;
            }
        }
        return "非居民身份证";
    }
}
