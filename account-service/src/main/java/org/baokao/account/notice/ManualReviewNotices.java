package org.baokao.account.notice;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PHO-5: the candidate hears by SMS how the manual review of their photo ended. photo-service decides but does not
 * know the phone (only this service does), so it publishes ManualReviewDecided and this turns it into an
 * SmsRequested for notification-service, applied once through the inbox; the SMS request id is derived from the
 * review, so a redelivered decision never texts twice. The SMS is the account's bureau's (BUR-1: its signature).
 */
@Component
class ManualReviewNotices {

    static final String CONSUMER = "account-service.manual-review-notices";
    static final String TEMPLATE = "PHOTO_REVIEW_DECIDED";
    private static final int MAX_REASON_IN_SMS = 60;
    private static final Logger log = LoggerFactory.getLogger(ManualReviewNotices.class);

    private final Accounts accounts;
    private final Outbox outbox;

    ManualReviewNotices(Accounts accounts, Outbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    @EventHandler(CONSUMER)
    void decided(ManualReviewDecided decided) {
        accounts.findById(decided.candidateId()).ifPresentOrElse(
                account -> outbox.publish(new SmsRequested(smsRequestId(decided.reviewId()), account.id(),
                        account.phone(), TEMPLATE, Map.of("result", result(decided)), decided.decidedAt(),
                        account.bureau())),
                () -> log.warn("Manual review {} decided for an unknown candidate; no SMS", decided.reviewId()));
    }

    private static String result(ManualReviewDecided decided) {
        if (decided.approved()) {
            return "通过";
        }
        String reason = decided.reason() == null ? "" : decided.reason().strip();
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_IN_SMS) {
            reason = reason.substring(0, reason.offsetByCodePoints(0, MAX_REASON_IN_SMS)) + "…";
        }
        return reason.isEmpty() ? "未通过" : "未通过，原因：" + reason;
    }

    static UUID smsRequestId(UUID reviewId) {
        return UUID.nameUUIDFromBytes(("photo-review-decided:" + reviewId).getBytes(StandardCharsets.UTF_8));
    }
}
