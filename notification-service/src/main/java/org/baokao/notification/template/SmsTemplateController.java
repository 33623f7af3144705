package org.baokao.notification.template;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators review the SMS wording candidates will receive (NOT-1). */
@RestController
class SmsTemplateController {

    private final JdbcClient jdbc;

    SmsTemplateController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/notifications/templates")
    @PreAuthorize("hasRole('operator')")
    List<SmsTemplate> templates() {
        return jdbc.sql("select code, content, updated_at from sms_template order by code")
                .query((row, n) -> new SmsTemplate(row.getString("code"), row.getString("content"),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    record SmsTemplate(String code, String content, Instant updatedAt) {
    }
}
