package org.baokao.account.account;

import java.util.Locale;

import org.baokao.domain.DomainModel;

/** 准考证号 as stored and looked up: without surrounding spaces, letters upper-case (a candidate types either case). */
@DomainModel
public final class AdmissionNumber {

    /** Longer than any bureau's numbers: such input names no account. */
    static final int MAX_LENGTH = 32;

    private AdmissionNumber() {
    }

    /** The stored form of {@code typed}, or null if it cannot be an admission number. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String number = typed.strip().toUpperCase(Locale.ROOT);
        return number.isEmpty() || number.length() > MAX_LENGTH ? null : number;
    }
}
