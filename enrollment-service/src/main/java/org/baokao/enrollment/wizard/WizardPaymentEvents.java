package org.baokao.enrollment.wizard;

import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.stereotype.Component;

/** What the wizard learns from payment-service (step 6): payments and refunds, each applied once through the inbox. */
@Component
class WizardPaymentEvents implements EventSubscriber {

    static final String CONSUMER = "enrollment-service.wizard-payment";

    private final EnrollmentWizard wizard;

    WizardPaymentEvents(EnrollmentWizard wizard) {
        this.wizard = wizard;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER)
                .on(PaymentSucceeded.class, (paid, meta) -> wizard.paymentSucceeded(paid))
                .on(PaymentRefunded.class, (refunded, meta) -> wizard.paymentRefunded(refunded));
    }
}
