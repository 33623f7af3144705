package org.baokao.domain.operator;

import org.baokao.domain.Refusal;

/**
 * The reason an operator types for an audited action (OPS-3): revealing personal data in clear, a refund, a
 * decision. Required where the desk asks for it (codes {@code REASON_*}), trimmed, at most {@link #MAX_LENGTH} characters.
 */
public final class AuditReason {

    public static final int MAX_LENGTH = 200;

    private AuditReason() {
    }

    /** The reason as stored; refuses a blank or an overlong one. */
    public static String require(String typed) {
        String reason = typed == null ? "" : typed.strip();
        if (reason.isEmpty()) {
            throw Refusal.invalid("REASON_REQUIRED", "请填写操作原因");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_LENGTH) {
            throw Refusal.invalid("REASON_TOO_LONG", "操作原因不能超过" + MAX_LENGTH + "个字");
        }
        return reason;
    }

    /** An optional reason or note: trimmed, null when blank, refused when overlong. */
    public static String optional(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return require(typed);
    }
}
