package org.baokao.notification.mail;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The templates in {@code mail_template}, read on every send so an operator's wording change applies at once. */
@Repository
class MailTemplates {

    private final JdbcClient jdbc;

    MailTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MailTemplate> find(String code) {
        return jdbc.sql("select code, subject, body from mail_template where code = ?").param(code)
                .query((row, n) -> new MailTemplate(row.getString("code"), row.getString("subject"),
                        row.getString("body")))
                .optional();
    }
}
