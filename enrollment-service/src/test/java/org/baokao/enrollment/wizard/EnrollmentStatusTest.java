package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ENR-2: the wizard's order as a table of states and the steps each allows. */
class EnrollmentStatusTest {

    @Test
    void eachStatusKnowsTheStepsDoneAndWhatComesNext() {
        assertThat(EnrollmentStatus.PLEDGE_ACCEPTED.stepsDone()).containsExactly(Step.PLEDGE);
        assertThat(EnrollmentStatus.PLEDGE_ACCEPTED.nextStep()).isEqualTo(Step.PHOTO);
        assertThat(EnrollmentStatus.PHOTO_DONE.nextStep()).isEqualTo(Step.PERSONAL_INFO);
        assertThat(EnrollmentStatus.PERSONAL_INFO_SAVED.nextStep()).isEqualTo(Step.EXAM_CHOICE);
        assertThat(EnrollmentStatus.EXAM_CHOICE_SAVED.nextStep()).isEqualTo(Step.CONFIRMATION);
        assertThat(EnrollmentStatus.CONFIRMED.nextStep()).isEqualTo(Step.PAYMENT);
        assertThat(EnrollmentStatus.COMPLETED.nextStep()).isEqualTo(Step.PREVIEW);
        assertThat(EnrollmentStatus.COMPLETED.stepsDone()).containsExactly(Step.PLEDGE, Step.PHOTO,
                Step.PERSONAL_INFO, Step.EXAM_CHOICE, Step.CONFIRMATION, Step.PAYMENT);
    }

    /** ENR-2, ENR-3: steps 3 and 4 stay editable going back until confirmation, nothing after it but ENR-7. */
    @Test
    void writableStepsFollowTheWizard() {
        assertThat(EnrollmentStatus.PLEDGE_ACCEPTED.writableSteps()).isEmpty();
        assertThat(EnrollmentStatus.PHOTO_DONE.writableSteps()).containsExactly(Step.PERSONAL_INFO);
        assertThat(EnrollmentStatus.PERSONAL_INFO_SAVED.writableSteps())
                .containsExactly(Step.PERSONAL_INFO, Step.EXAM_CHOICE);
        assertThat(EnrollmentStatus.EXAM_CHOICE_SAVED.writableSteps())
                .containsExactly(Step.PERSONAL_INFO, Step.EXAM_CHOICE, Step.CONFIRMATION);
        assertThat(EnrollmentStatus.CONFIRMED.writableSteps()).isEmpty();
        assertThat(EnrollmentStatus.COMPLETED.writableSteps()).containsExactly(Step.PREVIEW);
    }

    @Test
    void savingAnEarlierStepAgainKeepsLaterStepsDone() {
        assertThat(EnrollmentStatus.EXAM_CHOICE_SAVED.afterSaving(Step.PERSONAL_INFO))
                .isEqualTo(EnrollmentStatus.EXAM_CHOICE_SAVED);
        assertThat(EnrollmentStatus.PHOTO_DONE.afterSaving(Step.PERSONAL_INFO))
                .isEqualTo(EnrollmentStatus.PERSONAL_INFO_SAVED);
    }

    /** ENR-2: a refused step is 409 STEP_NOT_ALLOWED naming the step that must come first. */
    @Test
    void aSkippedStepIsRefusedNamingWhatMustComeFirst() {
        assertThatThrownBy(() -> EnrollmentStatus.PLEDGE_ACCEPTED.requireAllows(Step.PERSONAL_INFO))
                .isInstanceOfSatisfying(Refusal.class, problem -> {
                    assertThat(problem.code()).isEqualTo("STEP_NOT_ALLOWED");
                    assertThat(problem.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(problem.getMessage()).contains("请先完成「采集个人照片」");
                });
        assertThatThrownBy(() -> EnrollmentStatus.PHOTO_DONE.requireAllows(Step.CONFIRMATION))
                .hasMessageContaining("请先完成「填写个人信息」");
        assertThatThrownBy(() -> EnrollmentStatus.CONFIRMED.requireAllows(Step.PREVIEW))
                .hasMessageContaining("请先完成「网上缴费」");
        assertThatThrownBy(() -> EnrollmentStatus.CONFIRMED.requireAllows(Step.PERSONAL_INFO))
                .hasMessageContaining("报考信息已确认");
    }

    @ParameterizedTest
    @EnumSource(EnrollmentStatus.class)
    void everyStatusHasAChineseLabelAndIsConfirmedFromConfirmationOn(EnrollmentStatus status) {
        assertThat(status.label()).isNotBlank();
        assertThat(status.isConfirmed()).isEqualTo(status.compareTo(EnrollmentStatus.CONFIRMED) >= 0);
    }
}
