package org.baokao.notification.template;

import org.baokao.domain.DomainModel;

/**
 * A value a template's producers pass ({@code {name}} in the text): what it is for the operator, whether every
 * wording must show it, and an invented value for previews.
 */
@DomainModel
record Placeholder(String name, String label, boolean required, String sample) {

    String written() {
        return "{" + name + "}";
    }

    /** e.g. {@code {code}（验证码）} in a refusal's message. */
    String described() {
        return written() + "（" + label + "）";
    }
}
