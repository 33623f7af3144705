package org.baokao.notification.mail;

import java.sql.Timestamp;
import java.util.UUID;

import org.baokao.events.notification.EmailRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happened to each mail request ({@code mail_delivery}): status, attempts, the mail's Message-ID. Never what
 * it said nor to whom in full: no subject, no text, no code, the address only masked.
 */
@Repository
class MailDeliveryLog {

    /** Events written before bureaus carry none: they are the default bureau's. */
    static final String DEFAULT_BUREAU = "sd";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    MailDeliveryLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean alreadySent(UUID requestId) {
        return jdbc.sql("select count(*) from mail_delivery where request_id = ? and status = ?")
                .params(requestId, MailDeliveryStatus.SENT.name())
                .query(Long.class).single() > 0;
    }

    /** In the caller's (the inbox's) transaction: the SENT row commits together with the event's inbox entry. */
    void recordSent(EmailRequested request, String templateCode, String messageId) {
        jdbc.sql("""
                insert into mail_delivery (request_id, candidate_id, bureau, template_code, masked_address, status,
                                           attempts, message_id, requested_at, sent_at)
                values (?, ?, ?, ?, ?, ?, 1, ?, ?, now())
                on conflict (request_id) do update set
                    status = excluded.status, attempts = mail_delivery.attempts + 1,
                    message_id = excluded.message_id, failure_reason = null,
                    last_attempt_at = now(), sent_at = now()""")
                .params(request.requestId(), request.candidateId(), bureau(request), clip(templateCode, 60),
                        clip(AddressMask.mask(request.email()), 120), MailDeliveryStatus.SENT.name(),
                        clip(messageId, 200), timestamp(request))
                .update();
    }

    /**
     * In a transaction of its own: the failure rolls back the inbox's transaction (so the event is retried or
     * dead-lettered), and operators must still see that, and how often, it was tried. A SENT row stays SENT.
     */
    void recordFailure(EmailRequested request, MailDeliveryFailure failure) {
        if (request.requestId() == null) {
            return; // nothing to key it on; the dead letter still shows it
        }
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into mail_delivery (request_id, candidate_id, bureau, template_code, masked_address, status,
                                           attempts, failure_reason, requested_at)
                values (?, ?, ?, ?, ?, ?, 1, ?, ?)
                on conflict (request_id) do update set
                    status = excluded.status, attempts = mail_delivery.attempts + 1,
                    failure_reason = excluded.failure_reason, last_attempt_at = now()
                where mail_delivery.status <> ?""")
                .params(request.requestId(), request.candidateId(), bureau(request),
                        clip(String.valueOf(request.template()), 60), clip(AddressMask.mask(request.email()), 120),
                        MailDeliveryStatus.FAILED.name(), clip(failure.reason() + ": " + failure.getMessage(), 300),
                        timestamp(request), MailDeliveryStatus.SENT.name())
                .update());
    }

    private static String bureau(EmailRequested request) {
        return request.bureau() == null ? DEFAULT_BUREAU : clip(request.bureau(), 20);
    }

    private static Timestamp timestamp(EmailRequested request) {
        return request.requestedAt() == null ? null : Timestamp.from(request.requestedAt());
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
