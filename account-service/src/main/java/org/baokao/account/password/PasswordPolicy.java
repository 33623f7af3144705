package org.baokao.account.password;

import org.baokao.account.bureau.Bureau;
import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * ACC-4, the bureau's rule (BUR-1): a length range and how many of the four character classes (digits, upper-case,
 * lower-case, special) a password needs. Shandong: 8–16 with all four, printable ASCII only (no spaces, no 汉字).
 * Shanghai: 6–16 characters of any kind (one class: length only).
 */
@DomainModel
public record PasswordPolicy(int minLength, int maxLength, int requiredClasses) {

    public static PasswordPolicy of(Bureau bureau) {
        Bureau.PasswordRule rule = bureau.password();
        return new PasswordPolicy(rule.minLength(), rule.maxLength(), rule.requiredClasses());
    }

    /** Refuses a password that breaks the policy, or a confirmation that does not match. */
    public void check(String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            throw Refusal.invalid("PASSWORD_REQUIRED", "请设置登录密码");
        }
        if (!password.equals(confirmation)) {
            throw Refusal.invalid("PASSWORD_MISMATCH", "两次输入的密码不一致");
        }
        int length = password.codePointCount(0, password.length());
        if (requiredClasses <= 1) {
            if (length < minLength || length > maxLength) {
                throw Refusal.invalid("PASSWORD_WEAK", "密码长度为" + minLength + "-" + maxLength + "位");
            }
            return;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        boolean special = false;
        boolean printableAscii = true;
        for (char c : password.toCharArray()) {
            digit |= c >= '0' && c <= '9';
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            special |= c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
            printableAscii &= c > ' ' && c < 127;
        }
        int classes = (digit ? 1 : 0) + (upper ? 1 : 0) + (lower ? 1 : 0) + (special ? 1 : 0);
        if (length < minLength || length > maxLength || classes < requiredClasses || !printableAscii) {
            throw Refusal.invalid("PASSWORD_WEAK", "密码为" + minLength + "-" + maxLength + "位，" + classesRule()
                    + "，不能包含空格或中文");
        }
    }

    private String classesRule() {
        return requiredClasses >= 4 ? "必须包含数字、大写字母、小写字母和特殊字符"
                : "须包含数字、大写字母、小写字母、特殊字符中的至少" + requiredClasses + "种";
    }
}
