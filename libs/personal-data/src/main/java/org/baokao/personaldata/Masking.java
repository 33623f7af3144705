package org.baokao.personaldata;

import org.baokao.domain.DomainModel;

/**
 * How personal data appears in API responses and logs that do not strictly need it (ACC-10). Lengths are
 * counted in Unicode code points, so a rare character outside the BMP (𠮷, a surrogate pair in Java) counts as
 * one character and is never cut in half. Every method returns {@code null} for {@code null}.
 */
@DomainModel
public final class Masking {

    private static final int MASK = '*';

    private Masking() {
    }

    /**
     * ID numbers: the first 2 and the last 2 characters kept, every other character a {@code *}:
     * {@code 370102199003071234} → {@code 37**************34}, {@code E12345678} → {@code E1*****78}.
     * 4 characters or fewer: all {@code *} (at least one character is always masked).
     */
    public static String idNumber(String number) {
        return keep(number, 2, 2);
    }

    /**
     * Phone numbers: the first 3 and the last 4 kept: {@code 13112348780} → {@code 131****8780}. Shorter than
     * 8 characters (not a mainland mobile number), only the last 2 are kept: {@code 5551234} → {@code *****34};
     * 2 characters or fewer: all {@code *}.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        return phone.codePointCount(0, phone.length()) >= 8 ? keep(phone, 3, 4) : keep(phone, 0, 2);
    }

    /**
     * Names: the first character kept, one {@code *} per further character: {@code 张三} → {@code 张*},
     * {@code 阿卜杜·热合曼} → {@code 阿******}, {@code 𠮷田} → {@code 𠮷*}. A one-character name would be shown
     * whole, so it becomes {@code *}.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        return name.codePointCount(0, name.length()) <= 1 ? keep(name, 0, 0) : keep(name, 1, 0);
    }

    /**
     * E-mail addresses: the first character of the mailbox and the domain kept, the rest of the mailbox (often the
     * person's name or phone number) always three {@code *}, whatever its length: {@code zhangsan.1990@example.com}
     * → {@code z***@example.com}. Something that is no address ({@code @} missing, first or last) is {@code ***}.
     */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return "***";
        }
        return new String(Character.toChars(address.codePointAt(0))) + "***" + address.substring(at);
    }

    /** Keeps {@code head} and {@code tail} code points and masks the rest; all masked if nothing would be left. */
    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int[] codePoints = value.codePoints().toArray();
        int length = codePoints.length;
        boolean showEnds = length > head + tail; // at least one character is always masked
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < length; i++) {
            boolean shown = showEnds && (i < head || i >= length - tail);
            masked.appendCodePoint(shown ? codePoints[i] : MASK);
        }
        return masked.toString();
    }
}
