package org.baokao.notification.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log of one candidate's SMS for one bureau (OPS-3 考生查询): what happened, never what was said. */
@Repository
class CandidateSmsHistory {

    private final JdbcClient jdbc;

    CandidateSmsHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Sms(UUID requestId, String template, String maskedPhone, String status, int attempts,
            String failureReason, Instant requestedAt, Instant sentAt) {
    }

    /** Newest first, at most 200; a row without a bureau counts as {@code defaultBureau}'s. */
    List<Sms> of(UUID candidateId, String bureau, String defaultBureau) {
        return jdbc.sql("""
                select request_id, template_code, masked_phone, status, attempts, failure_reason,
                    coalesce(requested_at, first_attempt_at) as requested_at, sent_at
                from sms_delivery where candidate_id = ? and coalesce(bureau, ?) = ?
                order by coalesce(requested_at, first_attempt_at) desc limit 200""")
                .params(candidateId, defaultBureau, bureau)
                .query((row, n) -> new Sms(row.getObject("request_id", UUID.class), row.getString("template_code"),
                        row.getString("masked_phone"), row.getString("status"), row.getInt("attempts"),
                        row.getString("failure_reason"), instant(row.getTimestamp("requested_at")),
                        instant(row.getTimestamp("sent_at"))))
                .list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
