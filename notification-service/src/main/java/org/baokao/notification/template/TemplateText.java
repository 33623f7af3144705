package org.baokao.notification.template;

import org.baokao.domain.DomainModel;

/** A wording of a template: a mail's subject (null for an SMS) and its text, with {@code {name}} placeholders. */
@DomainModel
record TemplateText(String subject, String content) {

    TemplateText {
        subject = subject == null ? null : subject.strip();
        content = content == null ? "" : content.strip();
    }
}
