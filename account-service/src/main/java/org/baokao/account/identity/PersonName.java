package org.baokao.account.identity;

import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * 姓名 as a roster file carries it and as a new candidate types it (ACC-3): 1 to 50 characters (code points, so
 * 𠮷 counts once) of letters of any script (汉字 including rare ones outside the BMP, private-use characters some
 * systems use for 生僻字, Latin letters), and between letters the 间隔号 {@code ·} (also {@code ・}, {@code •}),
 * a space, {@code -} or {@code '} (阿卜杜·热合曼, foreign names); no digits, no other symbols.
 */
@DomainModel
public final class PersonName {

    public static final int MAX_LENGTH = 50;

    /** What is wrong with a name: a stable code and the Chinese reason. */
    public record Problem(String code, String reason) {
    }

    private PersonName() {
    }

    /** What is wrong with a trimmed name, or empty when it is fine. */
    public static Optional<Problem> problemOf(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(new Problem("NAME_REQUIRED", "请填写姓名"));
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of(new Problem("NAME_TOO_LONG", "姓名不能超过" + MAX_LENGTH + "个字"));
        }
        int[] codePoints = name.codePoints().toArray();
        boolean badCharacter = false;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (Character.isDigit(c)) {
                return Optional.of(new Problem("NAME_DIGITS", "姓名不能包含数字"));
            }
            if (isSeparator(c)) {
                boolean atEnd = i == 0 || i == codePoints.length - 1;
                if (atEnd || isSeparator(codePoints[i - 1])) {
                    badCharacter = true;
                }
            } else if (!isNameLetter(c) && !(isMark(c) && i > 0)) {
                badCharacter = true;
            }
        }
        if (badCharacter) {
            return Optional.of(new Problem("NAME_CHARACTERS",
                    "姓名只能包含汉字、字母和间隔号“·”，间隔号和空格不能在开头、结尾或连续出现"));
        }
        return Optional.empty();
    }

    private static boolean isNameLetter(int c) {
        return Character.isLetter(c) || Character.getType(c) == Character.PRIVATE_USE;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isSeparator(int c) {
        return c == '·' || c == '・' || c == '•' || c == '‧' || c == ' ' || c == '-' || c == '\'';
    }
}
