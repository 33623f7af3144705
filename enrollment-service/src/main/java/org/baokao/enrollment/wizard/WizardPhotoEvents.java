package org.baokao.enrollment.wizard;

import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.messaging.consumer.EventSubscriber;
import org.baokao.messaging.consumer.EventSubscription;
import org.springframework.stereotype.Component;

/**
 * What the wizard learns from photo-service (step 2, the ENR-5 gate): each photo and identity event applied once
 * through the inbox, in the same transaction as its effect. The topic's other events are skipped.
 */
@Component
class WizardPhotoEvents implements EventSubscriber {

    static final String CONSUMER = "enrollment-service.wizard-photo";

    private final EnrollmentWizard wizard;

    WizardPhotoEvents(EnrollmentWizard wizard) {
        this.wizard = wizard;
    }

    @Override
    public EventSubscription subscription() {
        return EventSubscription.named(CONSUMER)
                .on(PhotoAccepted.class, (accepted, meta) -> wizard.photoReported(accepted.candidateId(),
                        photo -> photo.accepted(accepted.photoId(), accepted.acceptedAt())))
                .on(IdentityVerified.class, (verified, meta) -> wizard.photoReported(verified.candidateId(),
                        photo -> photo.verified(verified.photoId(), verified.verifiedAt())))
                .on(IdentityVerificationFailed.class, (failed, meta) -> wizard.photoReported(failed.candidateId(),
                        photo -> photo.failed(failed.photoId(), failed.attempt(), failed.failedAt())))
                .on(ManualReviewRequested.class, (review, meta) -> wizard.photoReported(review.candidateId(),
                        PhotoState::manualReviewRequested))
                .on(ManualReviewDecided.class, (decided, meta) -> wizard.photoReported(decided.candidateId(),
                        photo -> photo.manualReviewDecided(decided.approved())));
    }
}
