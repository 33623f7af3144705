package org.baokao.account.notice;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 缴费成功短信 (PAY-4, NOT-1): the phone lives only here, so account-service turns each PaymentSucceeded into one
 * SmsRequested (template PAYMENT_SUCCEEDED). Applied once through the inbox; the request id is derived from the order,
 * so even a replay by another path asks notification-service for the same message, which it sends at most once.
 * The SMS is the account's bureau's (BUR-1: its signature and wording).
 */
@Component
class PaymentNotices {

    static final String CONSUMER = "account-service.payment-notices";
    static final String TEMPLATE = "PAYMENT_SUCCEEDED";
    private static final Logger log = LoggerFactory.getLogger(PaymentNotices.class);

    private final Outbox outbox;
    private final Accounts accounts;
    private final Clock clock;

    PaymentNotices(Outbox outbox, Accounts accounts, Clock clock) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventHandler(CONSUMER)
    void paid(PaymentSucceeded paid) {
        accounts.findPersonalData(paid.candidateId()).ifPresentOrElse(account -> {
            String amount = String.format("%d.%02d", paid.amountFen() / 100, paid.amountFen() % 100);
            String examName = paid.examName() != null ? paid.examName() : "考试";
            outbox.publish(new SmsRequested(requestId(paid), paid.candidateId(), account.phone(), TEMPLATE,
                    Map.of("examName", examName, "amount", amount), clock.instant(), account.bureau()));
            log.info("Payment SMS requested for candidate {} (order {})", paid.candidateId(), paid.orderId());
        }, () -> log.warn("PaymentSucceeded for unknown candidate {} (order {}): no SMS", paid.candidateId(),
                paid.orderId()));
    }

    static UUID requestId(PaymentSucceeded paid) {
        return UUID.nameUUIDFromBytes(("payment-succeeded:" + paid.orderId()).getBytes(StandardCharsets.UTF_8));
    }
}
