package org.baokao.enrollment.wizard;

import org.baokao.enrollment.courses.CoursePayments;
import org.baokao.enrollment.webhook.WebhookFanOut;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.springframework.stereotype.Component;

/**
 * payment-service's payments and refunds, for the two things it collects money for here: a 专升本 enrollment (step 6,
 * the wizard) and a 自考 course order (issue 19, {@code courses}). Both are keyed by their own id in the events'
 * {@code enrollmentId}; a consumer has one handler per event type, so this one looks the id up and hands the event on.
 * Each event is applied once, through the consumer's inbox, in the inbox's transaction. (OrderExpired is not read:
 * an expired fee order changes neither; the candidate 重新下单 at payment-service.) Both also go to the partners'
 * webhooks (API-2) in the same transaction: this is enrollment-service's one consumer of {@code payment.events}.
 */
@Component
class PaymentEvents {

    private final EnrollmentWizard wizard;
    private final CoursePayments courses;
    private final WebhookFanOut webhooks;

    PaymentEvents(EnrollmentWizard wizard, CoursePayments courses, WebhookFanOut webhooks) {
        this.wizard = wizard;
        this.courses = courses;
        this.webhooks = webhooks;
    }

    @EventHandler(EnrollmentWizard.PAYMENT_CONSUMER)
    void succeeded(PaymentSucceeded paid, EventMeta meta) {
        if (courses.isCourseOrder(paid.enrollmentId())) {
            courses.paymentSucceeded(paid);
        } else {
            wizard.paymentSucceeded(paid);
        }
        webhooks.paymentSucceeded(paid, meta);
    }

    @EventHandler(EnrollmentWizard.PAYMENT_CONSUMER)
    void refunded(PaymentRefunded refunded, EventMeta meta) {
        if (courses.isCourseOrder(refunded.enrollmentId())) {
            courses.paymentRefunded(refunded);
        } else {
            wizard.paymentRefunded(refunded);
        }
        webhooks.paymentRefunded(refunded, meta);
    }
}
