package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The approval handler reads photo.events as the wizard's consumer: one consumer of a topic per service (a second would
 * split its partitions). The name is repeated, not referenced, so that {@code selfstudy} does not depend on
 * {@code wizard}; this keeps the two the same.
 */
class PhotoConsumerTest {

    @Test
    @DisplayName("SST-7: ApprovalChanged is handled on the wizard's photo.events consumer")
    void theApprovalHandlerIsOnTheWizardsPhotoConsumer() throws ReflectiveOperationException {
        Field wizards = Class.forName("org.baokao.enrollment.wizard.WizardPhotoEvents").getDeclaredField("CONSUMER");
        wizards.setAccessible(true);

        assertThat(SelfStudyFactEvents.PHOTO_CONSUMER).isEqualTo(wizards.get(null));
    }
}
