package org.baokao.account.identity;

import org.baokao.domain.DomainModel;

/**
 * The ISO 7064 MOD 11-2 check character of GB 11643-1999 (also used by the 2023 外国人永久居留身份证):
 * weights 2^(17-i) mod 11 over the 17 digits, check = (12 - sum mod 11) mod 11, where 10 is written {@code X}.
 */
@DomainModel
final class Gb11643 {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Indexed by sum mod 11. */
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Gb11643() {
    }

    /** The check character for the first 17 characters of {@code number}, which must be ASCII digits. */
    static char checkCharacter(CharSequence number) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** 17 ASCII digits followed by an ASCII digit or upper-case {@code X}, nothing else. */
    static boolean hasShape(String value) {
        if (value.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!IdNumberText.isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        char last = value.charAt(17);
        return IdNumberText.isAsciiDigit(last) || last == 'X';
    }
}
