package org.baokao.enrollment.wizard;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the wizard. {@code amendableFields}: what a completed enrollment may still change within the
 * registration window (ENR-7, 修改部分报名信息) — address, postcode and e-mail unless configured otherwise. Only
 * step 3 fields that confirmation does not lock can be listed: household registration, location, 是否兼报 and
 * subjects stay locked whatever is configured (ENR-5), and so does 考生类别, which decides the fees.
 */
@ConfigurationProperties("baokao.enrollment.wizard")
public record WizardProperties(List<String> amendableFields) {

    static final Set<String> MAY_BE_AMENDABLE = Set.of("politicalStatus", "ethnicity", "foreignLanguage",
            "mailingAddress", "postcode", "email");

    public WizardProperties {
        amendableFields = amendableFields == null ? List.of("mailingAddress", "postcode", "email")
                : List.copyOf(amendableFields);
        for (String field : amendableFields) {
            if (!MAY_BE_AMENDABLE.contains(field)) {
                throw new IllegalArgumentException("baokao.enrollment.wizard.amendable-fields: " + field
                        + " cannot be amended after completion; choose from " + MAY_BE_AMENDABLE);
            }
        }
    }
}
