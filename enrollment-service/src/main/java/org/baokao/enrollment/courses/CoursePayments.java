package org.baokao.enrollment.courses;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * payment-service's payments and refunds of course orders (PAY-5, SST-6). payment-service keys a course order's fee
 * order by the course order's id, which its events carry as {@code enrollmentId}; the service's one payment consumer
 * asks {@link #isCourseOrder} and hands course orders here (the wizard's enrollments go to the wizard). Each event is
 * applied once, through the consumer's inbox.
 */
@Service
public class CoursePayments {

    private static final Logger log = LoggerFactory.getLogger(CoursePayments.class);

    private final CourseStore store;
    private final Clock clock;

    CoursePayments(CourseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether {@code id} (a payment event's {@code enrollmentId}) names a course order. */
    public boolean isCourseOrder(UUID id) {
        return id != null && store.isCourseOrder(id);
    }

    /**
     * The money of a placed order came in: its courses are paid, and count. The amount must be the order's total (else
     * the order stays unpaid and an operator looks: payment-service refunds a mismatch itself); a lapsed order is paid
     * when the money came before the close.
     */
    @Transactional
    public void paymentSucceeded(PaymentSucceeded paid) {
        Optional<CourseOrder> found = store.lockOrder(paid.enrollmentId())
                .filter(order -> order.candidateId().equals(paid.candidateId()));
        if (found.isEmpty()) {
            log.warn("PaymentSucceeded for course order {} of another candidate ignored (payment order {})",
                    paid.enrollmentId(), paid.orderId());
            return;
        }
        CourseOrder order = found.get();
        Instant now = clock.instant();
        Instant paidAt = paid.paidAt() != null ? paid.paidAt() : now;
        switch (order.paid(paid.orderId(), paid.amountFen(), paidAt)) {
            case PAID -> {
                store.update(order, now);
                log.info("Course order {} paid by payment order {} ({} fen)", order.id(), paid.orderId(),
                        paid.amountFen());
            }
            case ALREADY_PAID -> log.info("Course order {} was paid already; payment order {} changes nothing",
                    order.id(), paid.orderId());
            case AMOUNT_MISMATCH -> log.error("Course order {} paid {} fen by payment order {}, {} fen are due: left"
                    + " unpaid", order.id(), paid.amountFen(), paid.orderId(), order.totalFen());
            case AFTER_LAPSE -> log.error("Course order {} lapsed at {}; payment order {} paid at {} is too late: left"
                    + " lapsed", order.id(), order.lapsesAt(), paid.orderId(), paidAt);
            case NOT_PLACED -> log.error("Course order {} is {} and was never placed; payment order {} ignored",
                    order.id(), order.status(), paid.orderId());
        }
    }

    /** A refund: when it gives back the money that paid the order, its courses no longer count. */
    @Transactional
    public void paymentRefunded(PaymentRefunded refunded) {
        Optional<CourseOrder> found = store.lockOrder(refunded.enrollmentId())
                .filter(order -> order.candidateId().equals(refunded.candidateId()));
        if (found.isEmpty()) {
            log.warn("PaymentRefunded for course order {} of another candidate ignored", refunded.enrollmentId());
            return;
        }
        Instant now = clock.instant();
        Instant at = refunded.refundedAt() != null ? refunded.refundedAt() : now;
        if (found.get().refunded(refunded.orderId(), at)) {
            store.update(found.get(), now);
            log.warn("Course order {} is {} again: the payment of order {} was refunded ({})", found.get().id(),
                    found.get().status(), refunded.orderId(), refunded.reason());
        } else {
            log.info("Refund {} of payment order {} ({}) leaves course order {} {}", refunded.refundId(),
                    refunded.orderId(), refunded.reason(), found.get().id(), found.get().status());
        }
    }
}
