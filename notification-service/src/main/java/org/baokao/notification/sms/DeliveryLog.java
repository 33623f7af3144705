package org.baokao.notification.sms;

import java.sql.Timestamp;
import java.util.UUID;

import org.baokao.events.notification.SmsRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happened to each SMS request ({@code sms_delivery}): status, attempts, the provider's message id.
 * Never what it said nor to whom in full: no content, no code, the phone only masked.
 */
@Repository
class DeliveryLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    DeliveryLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean alreadySent(UUID requestId) {
        return jdbc.sql("select count(*) from sms_delivery where request_id = ? and status = ?")
                .params(requestId, DeliveryStatus.SENT.name())
                .query(Long.class).single() > 0;
    }

    /** In the caller's (the inbox's) transaction: the SENT row commits together with the event's inbox entry. */
    void recordSent(SmsRequested request, String templateCode, String providerMessageId) {
        jdbc.sql("""
                insert into sms_delivery (request_id, candidate_id, template_code, masked_phone, status, attempts,
                                          provider_message_id, requested_at, sent_at, bureau)
                values (?, ?, ?, ?, ?, 1, ?, ?, now(), ?)
                on conflict (request_id) do update set
                    status = excluded.status, attempts = sms_delivery.attempts + 1,
                    provider_message_id = excluded.provider_message_id, failure_reason = null,
                    last_attempt_at = now(), sent_at = now()""")
                .params(request.requestId(), request.candidateId(), clip(templateCode, 60),
                        PhoneMask.mask(request.phone()), DeliveryStatus.SENT.name(), providerMessageId,
                        timestamp(request), request.bureau())
                .update();
    }

    /**
     * In a transaction of its own: the failure rolls back the inbox's transaction (so the event is retried or
     * dead-lettered), and operators must still see that, and how often, it was tried. A SENT row stays SENT.
     */
    void recordFailure(SmsRequested request, SmsDeliveryFailure failure) {
        if (request.requestId() == null) {
            return; // nothing to key it on; the dead letter still shows it
        }
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into sms_delivery (request_id, candidate_id, template_code, masked_phone, status, attempts,
                                          failure_reason, requested_at, bureau)
                values (?, ?, ?, ?, ?, 1, ?, ?, ?)
                on conflict (request_id) do update set
                    status = excluded.status, attempts = sms_delivery.attempts + 1,
                    failure_reason = excluded.failure_reason, last_attempt_at = now()
                where sms_delivery.status <> ?""")
                .params(request.requestId(), request.candidateId(), clip(String.valueOf(request.template()), 60),
                        PhoneMask.mask(request.phone()), DeliveryStatus.FAILED.name(),
                        clip(failure.reason() + ": " + failure.getMessage(), 300), timestamp(request),
                        request.bureau(), DeliveryStatus.SENT.name())
                .update());
    }

    private static Timestamp timestamp(SmsRequested request) {
        return request.requestedAt() == null ? null : Timestamp.from(request.requestedAt());
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
