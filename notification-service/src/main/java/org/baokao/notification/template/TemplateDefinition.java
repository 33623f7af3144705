package org.baokao.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * A template as operators may word it (OPS-3, 消息模板): its kind, code, name and the placeholders its producers
 * pass. {@link #check} is the rule every saved wording passes, so nothing a bureau saves can fail at sending time
 * for a placeholder nobody fills ({@code PARAM_MISSING} would dead-letter every message of that kind) or lose the
 * value the message exists for (a code SMS without its code).
 */
@DomainModel
record TemplateDefinition(TemplateKind kind, String code, String title, List<Placeholder> placeholders) {

    static final int SMS_MAX = 300;
    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 5000;
    private static final Pattern BRACED = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    TemplateDefinition {
        placeholders = List.copyOf(placeholders);
    }

    static Refusal notFound() {
        return Refusal.notFound("TEMPLATE_NOT_FOUND", "未找到该消息模板");
    }

    /** The wording as it is saved, or the first rule it breaks, in words an administrator can act on. */
    TemplateText check(TemplateText draft) {
        if (kind == TemplateKind.MAIL) {
            require(draft.subject(), "TEMPLATE_SUBJECT_REQUIRED", "请填写邮件主题");
            limit(draft.subject(), SUBJECT_MAX, "邮件主题不能超过" + SUBJECT_MAX + "个字");
            require(draft.content(), "TEMPLATE_CONTENT_REQUIRED", "请填写邮件正文");
            limit(draft.content(), BODY_MAX, "邮件正文不能超过" + BODY_MAX + "个字");
        } else {
            require(draft.content(), "TEMPLATE_CONTENT_REQUIRED", "请填写短信内容");
            limit(draft.content(), SMS_MAX, "短信内容不能超过" + SMS_MAX + "个字");
            // BUR-1: the bureau's signature is put before every SMS when it is sent; a second one would be read twice
            if (draft.content().contains("【") || draft.content().contains("】")) {
                throw Refusal.invalid("SMS_TEMPLATE_SIGNED", "短信内容不要包含【】签名，发送时会自动加上本考试院的签名");
            }
        }
        List<String> used = new ArrayList<>();
        for (String text : texts(draft)) {
            used.addAll(placeholdersIn(text));
        }
        for (Placeholder placeholder : placeholders) {
            if (placeholder.required() && !used.contains(placeholder.name())) {
                throw Refusal.invalid("TEMPLATE_PLACEHOLDER_MISSING",
                        "缺少必需的占位符" + placeholder.described() + "，请在内容中保留它");
            }
        }
        return kind == TemplateKind.MAIL ? draft : new TemplateText(null, draft.content());
    }

    /** The wording filled with the sample values, as a candidate would read it (after {@link #check}). */
    TemplateText preview(TemplateText draft) {
        TemplateText checked = check(draft);
        Map<String, String> samples = placeholders.stream()
                .collect(Collectors.toMap(Placeholder::name, Placeholder::sample));
        return new TemplateText(checked.subject() == null ? null : fill(checked.subject(), samples),
                fill(checked.content(), samples));
    }

    private List<String> texts(TemplateText draft) {
        return kind == TemplateKind.MAIL ? List.of(draft.subject(), draft.content()) : List.of(draft.content());
    }

    /** The placeholder names in {@code text}, refusing a name this template has not and a brace left open. */
    private List<String> placeholdersIn(String text) {
        List<String> names = new ArrayList<>();
        Matcher braced = BRACED.matcher(text);
        while (braced.find()) {
            String name = braced.group(1).strip();
            if (!NAME.matcher(name).matches() || placeholders.stream().noneMatch(p -> p.name().equals(name))) {
                throw Refusal.invalid("TEMPLATE_PLACEHOLDER_UNKNOWN", "无法识别的占位符{" + braced.group(1)
                        + "}，本模板可用的占位符：" + available());
            }
            if (!braced.group(1).equals(name)) {
                throw Refusal.invalid("TEMPLATE_PLACEHOLDER_UNKNOWN", "占位符{" + braced.group(1) + "}中不能有空格，请写成{"
                        + name + "}");
            }
            names.add(name);
        }
        String outside = BRACED.matcher(text).replaceAll("");
        if (outside.contains("{") || outside.contains("}")) {
            throw Refusal.invalid("TEMPLATE_BRACE_UNPAIRED", "大括号不成对：占位符应写成" + example() + "这样的形式");
        }
        return names;
    }

    private String available() {
        return placeholders.isEmpty() ? "无"
                : placeholders.stream().map(Placeholder::described).collect(Collectors.joining("、"));
    }

    private String example() {
        return placeholders.isEmpty() ? "{name}" : placeholders.getFirst().written();
    }

    private static void require(String text, String code, String message) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(code, message);
        }
    }

    private static void limit(String text, int max, String message) {
        if (text.codePointCount(0, text.length()) > max) {
            throw Refusal.invalid("TEMPLATE_TOO_LONG", message);
        }
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher placeholder = BRACED.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(values.get(placeholder.group(1))));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
