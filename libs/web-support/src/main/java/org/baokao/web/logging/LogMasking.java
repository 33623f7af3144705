package org.baokao.web.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety net behind every log line of the servlet services (ACC-10): personal data is meant to be masked
 * where it is logged, and whatever slips through is masked here.
 *
 * <ul>
 *   <li>Resident-ID-shaped tokens, 17 digits and a digit or {@code X}/{@code x}:
 *       {@code 370102199003071234} → {@code 37**************34}.</li>
 *   <li>Mainland mobile numbers {@code 1[3-9]} + 9 digits, also after {@code +86}, {@code 86} or {@code 0086}:
 *       {@code 13112348780} → {@code 131****8780}.</li>
 * </ul>
 *
 * A token counts only when no ASCII letter or digit touches it on either side: numbers inside longer digit runs
 * (order numbers of 20 digits and more, timestamps) and inside hexadecimal identifiers (UUIDs, hashes, trace
 * ids) are left alone; Chinese text, spaces and punctuation around a number do not protect it. Shorter codes
 * (a 6-digit SMS code) are deliberately not this net's business: they are never logged in the first place.
 */
public final class LogMasking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9A-Za-z])(?:\\+86|0086|86)?(1[3-9]\\d{9})(?![0-9A-Za-z])");
    /** The shortest token either pattern masks has 11 consecutive digits. */
    private static final int SHORTEST_DIGIT_RUN = 11;

    private LogMasking() {
    }

    /** {@code text} with ID numbers and mobile numbers masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null || !hasDigitRun(text, SHORTEST_DIGIT_RUN)) {
            return text; // the common case: no regular expression runs at all
        }
        String masked = replace(ID_NUMBER, text, 0);
        return replace(MOBILE, masked, 1);
    }

    private static String replace(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            int start = matcher.start(group);
            int end = matcher.end(group);
            out.append(text, copied, start);
            if (group == 0) { // ID: first 2 and last 2 kept
                out.append(text, start, start + 2).repeat('*', end - start - 4).append(text, end - 2, end);
            } else { // mobile: first 3 and last 4 kept
                out.append(text, start, start + 3).append("****").append(text, end - 4, end);
            }
            copied = end;
        } while (matcher.find());
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run >= length) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
