package org.baokao.account.registration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each exam's universities and majors for open registration (ACC-3) as enrollment-service configures them. */
@Component
class ExamCatalogueListener {

    static final String CONSUMER = "account-service.exam-catalogue";
    private static final Logger log = LoggerFactory.getLogger(ExamCatalogueListener.class);

    private final Inbox inbox;
    private final UniversityCatalogue catalogue;

    ExamCatalogueListener(Inbox inbox, UniversityCatalogue catalogue) {
        this.inbox = inbox;
        this.catalogue = catalogue;
    }

    @KafkaListener(topics = Topics.ENROLLMENT)
    void onEnrollmentEvent(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        if (!"ExamConfigured".equals(envelope.type())) {
            return;
        }
        inbox.apply(CONSUMER, envelope, applied -> {
            ExamConfigured configured = EventCodec.payload(envelope, ExamConfigured.class);
            if (catalogue.keep(configured)) {
                log.info("Exam {}: {} examining universities for open registration", configured.examCode(),
                        configured.universities().size());
            }
        });
    }
}
