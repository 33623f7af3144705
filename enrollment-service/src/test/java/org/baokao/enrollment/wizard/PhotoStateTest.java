package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.wizard.WizardFixtures.NOW;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** ENR-5 / PHO-4 / PHO-5: 身份核验状态 from photo-service's events. */
class PhotoStateTest {

    UUID photo = UUID.randomUUID();

    @Test
    void aNewPhotoIsBeingVerifiedThenPassesOrFails() {
        PhotoState accepted = PhotoState.NONE.accepted(photo, NOW);

        assertThat(PhotoState.NONE.identity().label()).isEqualTo("未核验");
        assertThat(accepted.identity().label()).isEqualTo("核验中");
        assertThat(accepted.verified(photo, NOW).identity().label()).isEqualTo("比对通过");
        PhotoState failed = accepted.failed(photo, 2, NOW);
        assertThat(failed.identity().label()).isEqualTo("比对未通过");
        assertThat(failed.failedAttempts()).isEqualTo(2);
        assertThat(failed.manualReviewRequested().identity().label()).isEqualTo("人工审核中");
    }

    @Test
    void manualReviewEndsInPassedOrFailed() {
        PhotoState review = PhotoState.NONE.accepted(photo, NOW).failed(photo, 3, NOW).manualReviewRequested();

        assertThat(review.manualReviewDecided(true).identity()).isEqualTo(IdentityStatus.PASSED);
        assertThat(review.manualReviewDecided(false).identity()).isEqualTo(IdentityStatus.FAILED);
    }

    @Test
    void outcomesForAnOlderPhotoAreIgnoredAndARetakeStartsOver() {
        UUID retake = UUID.randomUUID();
        PhotoState current = PhotoState.NONE.accepted(photo, NOW).verified(photo, NOW).accepted(retake, NOW);

        assertThat(current.identity()).isEqualTo(IdentityStatus.VERIFYING);
        assertThat(current.verified(photo, NOW)).isEqualTo(current);
        assertThat(current.accepted(retake, NOW)).as("the same acceptance again").isEqualTo(current);
    }

    @Test
    void aVerificationBeforeItsAcceptanceStillCountsThePhoto() {
        PhotoState verified = PhotoState.NONE.verified(photo, NOW);

        assertThat(verified.isAccepted()).isTrue();
        assertThat(verified.identity()).isEqualTo(IdentityStatus.PASSED);
    }
}
