package org.baokao.notification.sms;

import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code notification.requests} through the inbox: an event delivered twice (Kafka redelivery, an outbox
 * republish after a crash) is applied once. Never log the event: it carries verification codes.
 */
@Component
class SmsRequestListener implements EventSubscriber {

    static final String CONSUMER = "notification-service";

    private final SmsDispatcher dispatcher;

    SmsRequestListener(SmsDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER).on(SmsRequested.class, this::requested);
    }

    private void requested(SmsRequested request, EventMeta meta) {
        dispatcher.deliver(request);
    }
}
