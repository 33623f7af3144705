package org.baokao.testkit;

/**
 * Builds valid test numbers independently of the production code: appends the ISO 7064 MOD 11-2 check
 * character to 17 digits, computed straight from the definition (weight of position i is 2^(17-i) mod 11).
 * In the test kit for the account tests, journeys and benchmarks, which generate whole rosters of valid numbers.
 */
public final class Gb11643TestNumbers {

    private Gb11643TestNumbers() {
    }

    /** {@code first17} + its check character. */
    public static String withCheck(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (int) (Math.pow(2, 17 - i) % 11);
            sum += Character.digit(first17.charAt(i), 10) * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }

    /** {@code first17} + a check character that is wrong. */
    public static String withWrongCheck(String first17) {
        char right = withCheck(first17).charAt(17);
        return first17 + (right == '0' ? '1' : '0');
    }

    /** A valid resident ID: region {@code region6}, birth date {@code yyyyMMdd}, sequence {@code seq3}. */
    public static String residentId(String region6, String yyyyMMdd, String seq3) {
        return withCheck(region6 + yyyyMMdd + seq3);
    }

    /** The same characters in full-width form (０-９, Ｘ). */
    public static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append((char) (c - 0x21 + 0xFF01)));
        return out.toString();
    }
}
