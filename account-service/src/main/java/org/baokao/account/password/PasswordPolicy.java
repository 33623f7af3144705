package org.baokao.account.password;

import org.baokao.domain.Refusal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ACC-4: 8–16 characters with digits, upper- and lower-case letters and special characters (Shandong);
 * a deployment may set other lengths (Shanghai uses 6–16).
 */
@ConfigurationProperties("baokao.account.password")
public record PasswordPolicy(@DefaultValue("8") int minLength, @DefaultValue("16") int maxLength) {

    /** Refuses a password that breaks the policy, or a confirmation that does not match. */
    public void check(String password, String confirmation) {
        if (password == null || password.isEmpty()) {
            throw Refusal.invalid("PASSWORD_REQUIRED", "请设置登录密码");
        }
        if (!password.equals(confirmation)) {
            throw Refusal.invalid("PASSWORD_MISMATCH", "两次输入的密码不一致");
        }
        int length = password.codePointCount(0, password.length());
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
        if (length < minLength || length > maxLength || !digit || !upper || !lower || !special || !printableAscii) {
            throw Refusal.invalid("PASSWORD_WEAK", "密码为" + minLength + "-" + maxLength
                    + "位，必须包含数字、大写字母、小写字母和特殊字符，不能包含空格或中文");
        }
    }
}
