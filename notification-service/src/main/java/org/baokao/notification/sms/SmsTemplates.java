package org.baokao.notification.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The templates in {@code sms_template}, read on every send so an operator's wording change applies at once. */
@Repository
class SmsTemplates {

    private final JdbcClient jdbc;

    SmsTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SmsTemplate> find(String code) {
        return jdbc.sql("select code, content from sms_template where code = ?").param(code)
                .query((row, n) -> new SmsTemplate(row.getString("code"), row.getString("content")))
                .optional();
    }

    /** Every template with its last change, for operators. */
    List<TemplateView> all() {
        return jdbc.sql("select code, content, updated_at from sms_template order by code")
                .query((row, n) -> new TemplateView(row.getString("code"), row.getString("content"),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    record TemplateView(String code, String content, Instant updatedAt) {
    }
}
