package org.baokao.account.account;

import java.util.Locale;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.personaldata.Masking;

/**
 * An e-mail address as an account keeps it (SST-1: with the phone, the only way to recover a password): surrounding
 * blanks removed, the domain in lower case (domains are case-insensitive, so {@code Li@QQ.com} and {@code li@qq.com}
 * reach the same mailbox and find the same account), the mailbox kept as typed (it may be case-sensitive at the
 * provider). Checked as a form would: ASCII only, one {@code @}, a mailbox of at most 64 characters without leading,
 * trailing or doubled dots, a domain of at least two labels ending in a top-level domain of letters, 254 characters in
 * all. {@link #toString()} is masked (ACC-10).
 */
@DomainModel
public record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}");

    public EmailAddress {
        value = normalize(value);
    }

    /** The address typed, or null when nothing was typed (blank). */
    public static EmailAddress ofOptional(String typed) {
        return typed == null || typed.isBlank() ? null : new EmailAddress(typed);
    }

    /** The address typed; nothing typed is {@code EMAIL_REQUIRED}. */
    public static EmailAddress ofRequired(String typed) {
        if (typed == null || typed.isBlank()) {
            throw Refusal.invalid("EMAIL_REQUIRED", "请填写电子邮箱：手机号码、电子邮箱是找回密码的唯一途径");
        }
        return new EmailAddress(typed);
    }

    private static String normalize(String typed) {
        String address = typed == null ? "" : typed.strip();
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_LENGTH || at < 1 || at != address.indexOf('@') || at > 64) {
            throw invalid();
        }
        String mailbox = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!MAILBOX.matcher(mailbox).matches() || !isDomain(domain)) {
            throw invalid();
        }
        return mailbox + "@" + domain;
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Refusal invalid() {
        return Refusal.invalid("EMAIL_INVALID", "电子邮箱格式不正确，请输入正确的电子邮箱（如 zhangsan@example.com）");
    }

    @Override
    public String toString() {
        return Masking.email(value);
    }
}
