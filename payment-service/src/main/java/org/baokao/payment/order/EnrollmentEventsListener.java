package org.baokao.payment.order;

import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.stereotype.Component;

/** PAY-1: each EnrollmentConfirmed opens the enrollment's fee order, once (inbox); other enrollment events are skipped. */
@Component
class EnrollmentEventsListener implements EventSubscriber {

    static final String CONSUMER = "payment-service.orders";

    private final Orders orders;

    EnrollmentEventsListener(Orders orders) {
        this.orders = orders;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER).on(EnrollmentConfirmed.class, this::confirmed);
    }

    private void confirmed(EnrollmentConfirmed confirmed, EventMeta meta) {
        orders.openFor(confirmed);
    }
}
