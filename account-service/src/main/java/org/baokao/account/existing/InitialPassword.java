package org.baokao.account.existing;

import org.baokao.domain.DomainModel;

/**
 * ACC-9, the Shanghai manual (seed 004 §1): an imported candidate's first password is the last 6 characters of
 * their ID number, left-padded with 0 when the number is shorter ({@code E1234} → {@code 0E1234}). Known to anyone
 * who knows the number, so the account must change it at first login; it is stored only as its hash.
 */
@DomainModel
final class InitialPassword {

    static final int LENGTH = 6;

    private InitialPassword() {
    }

    /** The initial password of the normalized ID number {@code idNumber} (upper-case, as stored). */
    static String of(String idNumber) {
        if (idNumber == null || idNumber.isEmpty()) {
            throw new IllegalArgumentException("an ID number is required");
        }
        int length = idNumber.length();
        return length >= LENGTH ? idNumber.substring(length - LENGTH) : "0".repeat(LENGTH - length) + idNumber;
    }
}
