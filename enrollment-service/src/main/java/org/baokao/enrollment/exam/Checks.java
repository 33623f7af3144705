package org.baokao.enrollment.exam;

import java.util.List;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/** The small checks every part of an exam configuration repeats, each adding a {@link Violation} when broken. */
@DomainModel
public final class Checks {

    /** Codes: 1 to 32 letters, digits, '_' or '-' (as roster files allow for college and major codes). */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    static final int MAX_NAME_LENGTH = 200;

    private Checks() {
    }

    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    /** Adds {@code PREFIX_CODE_INVALID} unless {@code value} is a code; true when it is. */
    public static boolean code(List<Violation> violations, String field, String value, String prefix, String what) {
        if (isCode(value)) {
            return true;
        }
        violations.add(new Violation(field, prefix + "_CODE_INVALID", what + "代码应为1至32位字母、数字、下划线或连字符"));
        return false;
    }

    /** Adds {@code PREFIX_NAME_REQUIRED} for a blank name, {@code PREFIX_NAME_TOO_LONG} beyond 200 characters. */
    public static boolean name(List<Violation> violations, String field, String value, String prefix, String what) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, prefix + "_NAME_REQUIRED", "请填写" + what + "名称"));
            return false;
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, prefix + "_NAME_TOO_LONG", what + "名称不能超过" + MAX_NAME_LENGTH + "个字"));
            return false;
        }
        return true;
    }
}
