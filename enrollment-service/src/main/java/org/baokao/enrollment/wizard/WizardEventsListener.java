package org.baokao.enrollment.wizard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.messaging.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What the wizard learns from other services, each event applied once through the inbox in the same
 * transaction as its effect: photo-service's photo and identity events (step 2, the ENR-5 gate) and
 * payment-service's payments and refunds (step 6). Other events on those topics are skipped without a trace.
 */
@Component
class WizardEventsListener {

    static final String PHOTO_CONSUMER = "enrollment-service.wizard-photo";
    static final String PAYMENT_CONSUMER = "enrollment-service.wizard-payment";

    private final Inbox inbox;
    private final EnrollmentWizard wizard;

    WizardEventsListener(Inbox inbox, EnrollmentWizard wizard) {
        this.inbox = inbox;
        this.wizard = wizard;
    }

    @KafkaListener(topics = Topics.PHOTO)
    void onPhoto(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        switch (envelope.type()) {
            case "PhotoAccepted", "IdentityVerified", "IdentityVerificationFailed", "ManualReviewRequested",
                    "ManualReviewDecided" -> inbox.apply(PHOTO_CONSUMER, envelope, applied -> {
                        switch (EventCodec.payload(envelope)) {
                            case PhotoAccepted accepted -> wizard.photoReported(accepted.candidateId(),
                                    photo -> photo.accepted(accepted.photoId(), accepted.acceptedAt()));
                            case IdentityVerified verified -> wizard.photoReported(verified.candidateId(),
                                    photo -> photo.verified(verified.photoId(), verified.verifiedAt()));
                            case IdentityVerificationFailed failed -> wizard.photoReported(failed.candidateId(),
                                    photo -> photo.failed(failed.photoId(), failed.attempt(), failed.failedAt()));
                            case ManualReviewRequested review -> wizard.photoReported(review.candidateId(),
                                    PhotoState::manualReviewRequested);
                            case ManualReviewDecided decided -> wizard.photoReported(decided.candidateId(),
                                    photo -> photo.manualReviewDecided(decided.approved()));
                            default -> {
                            }
                        }
                    });
            default -> {
            }
        }
    }

    @KafkaListener(topics = Topics.PAYMENT)
    void onPayment(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = EventCodec.read(record.value());
        switch (envelope.type()) {
            case "PaymentSucceeded", "PaymentRefunded" -> inbox.apply(PAYMENT_CONSUMER, envelope, applied -> {
                switch (EventCodec.payload(envelope)) {
                    case PaymentSucceeded paid -> wizard.paymentSucceeded(paid);
                    case PaymentRefunded refunded -> wizard.paymentRefunded(refunded);
                    default -> {
                    }
                }
            });
            default -> {
            }
        }
    }
}
