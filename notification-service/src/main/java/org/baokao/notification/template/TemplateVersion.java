package org.baokao.notification.template;

import java.time.Instant;

/** One saved wording of a bureau's template: its number, text, and who saved it when (OPS-3). */
record TemplateVersion(int version, String subject, String content, String note, String createdBy,
        String createdByName, Instant createdAt) {
}
