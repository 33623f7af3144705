package org.baokao.notification.mail;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/** A mail's subject and text with {@code {name}} placeholders, as operators maintain them in {@code mail_template}. */
@DomainModel
record MailTemplate(String code, String subject, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /**
     * Fills every placeholder of subject and body from {@code params}. A missing or blank parameter is a rejection:
     * a mail reading "您的验证码为{code}" must never reach a person. Values are inserted as they are, never expanded.
     */
    Rendered render(Map<String, String> params) {
        return new Rendered(fill(subject, params), fill(body, params));
    }

    private String fill(String text, Map<String, String> params) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = params == null ? null : params.get(name);
            if (value == null || value.isBlank()) {
                throw MailRejectedException.missingParam(code, name);
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    /** The subject and text as the recipient reads them. Printed, it shows neither (they may hold a code). */
    record Rendered(String subject, String body) {

        @Override
        public String toString() {
            return "Rendered[subject=<" + subject.length() + " chars>, body=<" + body.length() + " chars>]";
        }
    }
}
