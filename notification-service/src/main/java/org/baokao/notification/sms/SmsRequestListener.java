package org.baokao.notification.sms;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.Topics;
import org.baokao.events.notification.SmsRequested;
import org.baokao.messaging.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code notification.requests} through the inbox: an event delivered twice (Kafka redelivery, an outbox
 * republish after a crash) is applied once. Never log the record: it carries verification codes.
 */
@Component
class SmsRequestListener {

    static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final SmsDispatcher dispatcher;

    SmsRequestListener(Inbox inbox, SmsDispatcher dispatcher) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS)
    void on(ConsumerRecord<String, String> record) {
        inbox.apply(CONSUMER, record, event -> {
            if (event instanceof SmsRequested request) {
                dispatcher.deliver(request);
            }
        });
    }
}
