package org.baokao.notification.sms;

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
}
