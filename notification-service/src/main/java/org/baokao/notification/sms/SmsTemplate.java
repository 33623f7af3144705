package org.baokao.notification.sms;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;

/** An SMS text with {@code {name}} placeholders, as operators maintain it in {@code sms_template}. */
@DomainModel
record SmsTemplate(String code, String content) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /**
     * Fills every placeholder from {@code params}. A missing or blank parameter is a rejection: an SMS reading
     * "您的验证码为{code}" or "您的验证码为" must never reach a person. Values are inserted as they are, never expanded.
     */
    String render(Map<String, String> params) {
        Matcher placeholder = PLACEHOLDER.matcher(content);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = params == null ? null : params.get(name);
            if (value == null || value.isBlank()) {
                throw SmsRejectedException.missingParam(code, name);
            }
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }
}
