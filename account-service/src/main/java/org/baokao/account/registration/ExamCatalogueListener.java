package org.baokao.account.registration;

import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Keeps each exam's universities and majors for open registration (ACC-3) as enrollment-service configures them. */
@Component
class ExamCatalogueListener implements EventSubscriber {

    static final String CONSUMER = "account-service.exam-catalogue";
    private static final Logger log = LoggerFactory.getLogger(ExamCatalogueListener.class);

    private final UniversityCatalogue catalogue;

    ExamCatalogueListener(UniversityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER).on(ExamConfigured.class, this::configured);
    }

    private void configured(ExamConfigured configured, EventMeta meta) {
        if (catalogue.keep(configured)) {
            log.info("Exam {}: {} examining universities for open registration", configured.examCode(),
                    configured.universities().size());
        }
    }
}
