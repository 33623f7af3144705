package org.baokao.enrollment.wizard;

import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.messaging.consumer.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What the wizard learns from photo-service (step 2, the ENR-5 gate): each photo and identity event changes the
 * candidate's {@link PhotoState}, applied once through the inbox in the same transaction as its effect.
 */
@Component
class WizardPhotoEvents {

    static final String CONSUMER = "enrollment-service.wizard-photo";

    private final EnrollmentWizard wizard;

    WizardPhotoEvents(EnrollmentWizard wizard) {
        this.wizard = wizard;
    }

    @EventHandler(CONSUMER)
    void accepted(PhotoAccepted accepted) {
        wizard.photoReported(accepted.candidateId(), photo -> photo.accepted(accepted.photoId(), accepted.acceptedAt()));
    }

    @EventHandler(CONSUMER)
    void verified(IdentityVerified verified) {
        wizard.photoReported(verified.candidateId(), photo -> photo.verified(verified.photoId(), verified.verifiedAt()));
    }

    @EventHandler(CONSUMER)
    void failed(IdentityVerificationFailed failed) {
        wizard.photoReported(failed.candidateId(),
                photo -> photo.failed(failed.photoId(), failed.attempt(), failed.failedAt()));
    }

    @EventHandler(CONSUMER)
    void reviewRequested(ManualReviewRequested review) {
        wizard.photoReported(review.candidateId(), PhotoState::manualReviewRequested);
    }

    @EventHandler(CONSUMER)
    void reviewDecided(ManualReviewDecided decided) {
        wizard.photoReported(decided.candidateId(), photo -> photo.manualReviewDecided(decided.approved()));
    }
}
