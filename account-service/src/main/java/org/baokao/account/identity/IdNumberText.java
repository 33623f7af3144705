package org.baokao.account.identity;

import static org.baokao.account.identity.InvalidIdNumberException.ID_FULL_WIDTH;
import static org.baokao.account.identity.InvalidIdNumberException.ID_LOWERCASE;
import static org.baokao.account.identity.InvalidIdNumberException.ID_LOWERCASE_X;
import static org.baokao.account.identity.InvalidIdNumberException.ID_REQUIRED;

import org.baokao.domain.DomainModel;

/**
 * The input rules every document type shares. Leading and trailing whitespace ({@link String#strip()}:
 * spaces, tabs, line breaks, the full-width space U+3000) is removed, as a form field would. Nothing else is
 * "fixed": full-width characters and lower-case letters are refused with their own message, so the candidate
 * corrects the number they typed and what is stored is exactly what was checked.
 */
@DomainModel
final class IdNumberText {

    private IdNumberText() {
    }

    static String strip(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidIdNumberException(ID_REQUIRED, "请输入证件号码");
        }
        for (int i = 0; i < value.length(); i++) {
            if (isFullWidth(value.charAt(i))) {
                throw new InvalidIdNumberException(ID_FULL_WIDTH, "请使用半角字符输入证件号码");
            }
        }
        return value;
    }

    /** Full-width forms of ASCII (！ to ～, so ０-９, Ｘ, ｘ, Ａ-Ｚ) and the ideographic space inside a number. */
    static boolean isFullWidth(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Refuses ASCII lower-case letters; a lone trailing {@code x} gets the more specific message. */
    static void refuseLowerCase(String value) {
        int last = value.length() - 1;
        boolean lowerBeforeLast = false;
        for (int i = 0; i < last; i++) {
            char c = value.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lowerBeforeLast = true;
                break;
            }
        }
        char lastChar = value.charAt(last);
        if (!lowerBeforeLast && lastChar == 'x') {
            throw new InvalidIdNumberException(ID_LOWERCASE_X, "证件号码末位X请使用大写");
        }
        if (lowerBeforeLast || (lastChar >= 'a' && lastChar <= 'z')) {
            throw new InvalidIdNumberException(ID_LOWERCASE, "证件号码中的字母请使用大写");
        }
    }
}
