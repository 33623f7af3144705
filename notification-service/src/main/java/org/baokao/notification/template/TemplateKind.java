package org.baokao.notification.template;

import java.util.Locale;

import org.baokao.domain.DomainModel;

/** The two kinds of message a bureau words: SMS ({@code sms_template}) and mail ({@code mail_template}). */
@DomainModel
public enum TemplateKind {
    SMS("短信"), MAIL("邮件");

    private final String label;

    TemplateKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind an address names ({@code sms}, {@code mail}); another word names no template (404). */
    static TemplateKind of(String typed) {
        if (typed != null) {
            for (TemplateKind kind : values()) {
                if (kind.name().equals(typed.strip().toUpperCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        throw TemplateDefinition.notFound();
    }
}
