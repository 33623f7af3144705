package org.baokao.payment.order;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** PAY-1: each EnrollmentConfirmed opens the enrollment's fee order, once (inbox); other enrollment events are skipped. */
@Component
class EnrollmentEventsListener {

    static final String CONSUMER = "payment-service.orders";

    private final Inbox inbox;
    private final Orders orders;

    EnrollmentEventsListener(Inbox inbox, Orders orders) {
        this.inbox = inbox;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.ENROLLMENT)
    void onEnrollment(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        if ("EnrollmentConfirmed".equals(envelope.type())) {
            inbox.apply(CONSUMER, envelope,
                    applied -> orders.openFor(EventCodec.payload(envelope, EnrollmentConfirmed.class)));
        }
    }
}
