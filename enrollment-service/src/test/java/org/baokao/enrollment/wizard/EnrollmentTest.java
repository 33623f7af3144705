package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.enrollment.wizard.WizardFixtures.NOW;
import static org.baokao.enrollment.wizard.WizardFixtures.at;
import static org.baokao.enrollment.wizard.WizardFixtures.exam;
import static org.baokao.enrollment.wizard.WizardFixtures.info;
import static org.baokao.enrollment.wizard.WizardFixtures.medChoice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Exam;
import org.baokao.events.DomainEvent;
import org.baokao.events.enrollment.EnrollmentAmended;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.EnrollmentStarted;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Enrollment aggregate's transitions and rules (ENR-2..ENR-7), without Spring. */
class EnrollmentTest {

    static final List<String> AMENDABLE = List.of("mailingAddress", "postcode", "email");

    private static void refusedWith(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
                problem -> assertThat(problem.code()).isEqualTo(code));
    }

    /** ENR-2 step 1. */
    @Nested
    class Start {

        @Test
        void recordsThePledgeVersionAndTimeAndTheTrack() {
            UUID candidate = UUID.randomUUID();
            Enrollment.Started started = Enrollment.start(UUID.randomUUID(), exam(), candidate,
                    Track.UNIFIED, PhotoState.NONE, NOW);

            Enrollment e = started.enrollment();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.PLEDGE_ACCEPTED);
            assertThat(e.pledgeVersion()).isEqualTo(2);
            assertThat(e.pledgeAcceptedAt()).isEqualTo(NOW);
            assertThat(e.photo().identity()).isEqualTo(IdentityStatus.NOT_VERIFIED);
            EnrollmentStarted event = started.event();
            assertThat(event).isEqualTo(new EnrollmentStarted(e.id(), candidate, "SD-ZSB-2023", NOW, "UNIFIED", 2));
        }

        @Test
        void aPhotoAcceptedBeforeTheStartCountsAtOnce() {
            Enrollment e = Enrollment.start(UUID.randomUUID(), exam(), UUID.randomUUID(), Track.UNIFIED,
                    WizardFixtures.verifiedPhoto(), NOW).enrollment();

            assertThat(e.status()).isEqualTo(EnrollmentStatus.PHOTO_DONE);
            assertThat(e.photo().identity()).isEqualTo(IdentityStatus.PASSED);
        }
    }

    /** ENR-2 step 2, from photo-service's events. */
    @Nested
    class Photo {

        @Test
        void anAcceptedPhotoCompletesStepTwo() {
            Enrollment e = at(EnrollmentStatus.PLEDGE_ACCEPTED);
            UUID photo = UUID.randomUUID();

            assertThat(e.observePhoto(PhotoState.NONE.accepted(photo, NOW))).isTrue();

            assertThat(e.status()).isEqualTo(EnrollmentStatus.PHOTO_DONE);
            assertThat(e.photo().identity()).isEqualTo(IdentityStatus.VERIFYING);
            assertThat(e.observePhoto(PhotoState.NONE.accepted(photo, NOW))).as("same again").isFalse();
        }

        @Test
        void identityOutcomesLaterChangeOnlyTheIdentityStatus() {
            Enrollment e = at(EnrollmentStatus.PERSONAL_INFO_SAVED);
            UUID photo = UUID.randomUUID();
            e.observePhoto(PhotoState.NONE.accepted(photo, NOW).failed(photo, 1, NOW));

            assertThat(e.status()).isEqualTo(EnrollmentStatus.PERSONAL_INFO_SAVED);
            assertThat(e.photo().identity()).isEqualTo(IdentityStatus.FAILED);
        }
    }

    /** ENR-3. */
    @Nested
    class PersonalInformation {

        @Test
        void cannotBeSavedBeforeThePhoto() {
            Enrollment e = at(EnrollmentStatus.PLEDGE_ACCEPTED);
            refusedWith(() -> e.savePersonalInfo(info(), exam(), NOW), "STEP_NOT_ALLOWED");
            assertThat(e.personalInfo()).isNull();
        }

        @Test
        void savingMovesOnAndSavingTheSameAgainChangesNothing() {
            Enrollment e = at(EnrollmentStatus.PHOTO_DONE);

            assertThat(e.savePersonalInfo(info(), exam(), NOW)).isPresent();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.PERSONAL_INFO_SAVED);
            assertThat(e.personalInfo()).isEqualTo(info());
            assertThat(e.savePersonalInfo(info(), exam(), NOW)).as("replay").isEmpty();
        }

        @Test
        void badInputSavesNothing() {
            Enrollment e = at(EnrollmentStatus.PHOTO_DONE);

            assertThatThrownBy(() -> e.savePersonalInfo(info().with("postcode", "2500"), exam(), NOW))
                    .isInstanceOf(WizardInputException.class);
            assertThat(e.status()).isEqualTo(EnrollmentStatus.PHOTO_DONE);
            assertThat(e.personalInfo()).isNull();
        }

        @Test
        void staysEditableAfterStepFourWithoutUndoingIt() {
            Enrollment e = at(EnrollmentStatus.EXAM_CHOICE_SAVED);

            e.savePersonalInfo(info().with("email", "other@example.com"), exam(), NOW);

            assertThat(e.status()).isEqualTo(EnrollmentStatus.EXAM_CHOICE_SAVED);
            assertThat(e.examChoice()).isEqualTo(medChoice());
        }

        /** ENR-4: becoming a no-exam 考生类别 makes the subject group meaningless: step 4 is asked again. */
        @Test
        void aCategoryThatChangesWhetherTheCandidateSitsTheExamResetsStepFour() {
            Exam noExamFor4 = exam("4");
            Enrollment e = at(EnrollmentStatus.EXAM_CHOICE_SAVED);

            e.savePersonalInfo(info().with("candidateCategory", "4"), noExamFor4, NOW);

            assertThat(e.status()).isEqualTo(EnrollmentStatus.PERSONAL_INFO_SAVED);
            assertThat(e.examChoice()).isNull();
        }
    }

    /** ENR-4. */
    @Nested
    class ExamChoiceStep {

        @Test
        void needsThePersonalInformationFirst() {
            Enrollment e = at(EnrollmentStatus.PHOTO_DONE);
            refusedWith(() -> e.saveExamChoice(medChoice(), NOW), "STEP_NOT_ALLOWED");
        }

        @Test
        void savingMovesOnAndTheSameAgainChangesNothing() {
            Enrollment e = at(EnrollmentStatus.PERSONAL_INFO_SAVED);

            assertThat(e.saveExamChoice(medChoice(), NOW)).isTrue();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.EXAM_CHOICE_SAVED);
            assertThat(e.saveExamChoice(medChoice(), NOW)).isFalse();
        }
    }

    /** ENR-5, PAY-1. */
    @Nested
    class Confirmation {

        @Test
        void needsStepFourFirst() {
            Enrollment e = at(EnrollmentStatus.PERSONAL_INFO_SAVED);
            refusedWith(() -> e.confirm(exam(), NOW), "STEP_NOT_ALLOWED");
        }

        @Test
        void needsAPassedIdentityCheck() {
            Enrollment e = at(EnrollmentStatus.EXAM_CHOICE_SAVED);
            UUID photo = UUID.randomUUID();
            e.observePhoto(PhotoState.NONE.accepted(photo, NOW));

            assertThatThrownBy(() -> e.confirm(exam(), NOW)).isInstanceOfSatisfying(Refusal.class, problem -> {
                assertThat(problem.code()).isEqualTo("IDENTITY_NOT_VERIFIED");
                assertThat(problem.getMessage()).contains("核验中").contains("比对通过");
            });
            assertThat(e.status()).isEqualTo(EnrollmentStatus.EXAM_CHOICE_SAVED);
        }

        @Test
        void fixesTheFeesLocksTheFieldsAndPublishesTheConfirmation() {
            Enrollment e = at(EnrollmentStatus.EXAM_CHOICE_SAVED);
            assertThat(e.lockedFields()).isEmpty();

            List<DomainEvent> events = e.confirm(exam(), NOW);

            assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED);
            assertThat(e.fees()).extracting(FeeLine::code)
                    .containsExactly("REGISTRATION", "ENGLISH", "COMPUTER", "CHINESE", "MATH_II");
            assertThat(e.feeTotalFen()).isEqualTo(3000 + 4 * 5000);
            assertThat(e.lockedFields()).containsExactly("householdProvince", "householdCity", "examLocation",
                    "subjectGroup", "concurrentApplication", "concurrentMajor");
            assertThat(events).singleElement().isInstanceOfSatisfying(EnrollmentConfirmed.class, confirmed -> {
                assertThat(confirmed.examLocationCode()).isEqualTo("3717");
                assertThat(confirmed.totalFen()).isEqualTo(23000);
                assertThat(confirmed.track()).isEqualTo("UNIFIED");
                assertThat(confirmed.subjectGroupCode()).isEqualTo("MED");
                assertThat(confirmed.bureau()).as("BUR-1: the exam's bureau").isEqualTo("sd");
            });
            refusedWith(() -> e.savePersonalInfo(info().with("email", "x@example.com"), exam(), NOW),
                    "STEP_NOT_ALLOWED");
            refusedWith(() -> e.saveExamChoice(new ExamChoice("3701", true, "620403", "MED", null), NOW),
                    "STEP_NOT_ALLOWED");
        }

        /** PAY-1: a candidate who owes nothing skips payment. */
        @Test
        void withNothingOwedItCompletesAtOnce() {
            Exam exam = exam("1"); // 城市应届 sits no exam in this exam
            Enrollment noExam = at(EnrollmentStatus.PERSONAL_INFO_SAVED);
            noExam.saveExamChoice(new ExamChoice("3717", false, null, null, null), NOW);

            List<DomainEvent> events = noExam.confirm(exam, NOW);

            assertThat(noExam.status()).isEqualTo(EnrollmentStatus.COMPLETED);
            assertThat(noExam.fees()).isEmpty();
            assertThat(events).hasSize(2);
            assertThat(events.get(1)).isEqualTo(new EnrollmentCompleted(noExam.id(), noExam.candidateId(), null, NOW));
        }
    }

    /** Step 6: payment-service's events. */
    @Nested
    class Payment {

        @Test
        void aPaymentCompletesAConfirmedEnrollmentOnce() {
            Enrollment e = at(EnrollmentStatus.CONFIRMED);
            UUID order = UUID.randomUUID();

            assertThat(e.paymentSucceeded(order, NOW)).contains(new EnrollmentCompleted(e.id(), e.candidateId(), order, NOW));
            assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
            assertThat(e.orderId()).isEqualTo(order);
            assertThat(e.paymentSucceeded(UUID.randomUUID(), NOW)).as("a second payment").isEmpty();
            assertThat(e.orderId()).isEqualTo(order);
        }

        @Test
        void aPaymentBeforeConfirmationChangesNothing() {
            Enrollment e = at(EnrollmentStatus.EXAM_CHOICE_SAVED);
            assertThat(e.paymentSucceeded(UUID.randomUUID(), NOW)).isEmpty();
            assertThat(e.status()).isEqualTo(EnrollmentStatus.EXAM_CHOICE_SAVED);
        }

        @Test
        void refundingThePayingOrderMakesItUnpaidAgainButStillConfirmed() {
            Enrollment e = at(EnrollmentStatus.CONFIRMED);
            UUID order = UUID.randomUUID();
            e.paymentSucceeded(order, NOW);
            UUID refund = UUID.randomUUID();

            assertThat(e.paymentRefunded(refund, order, NOW)).isTrue();

            assertThat(e.status()).isEqualTo(EnrollmentStatus.CONFIRMED);
            assertThat(e.orderId()).isNull();
            assertThat(e.lastRefundedAt()).isEqualTo(NOW);
            assertThat(e.lockedFields()).isNotEmpty();
            assertThat(e.paymentRefunded(refund, order, NOW)).as("same refund again").isFalse();
        }

        @Test
        void refundingADuplicatePaymentLeavesItComplete() {
            Enrollment e = at(EnrollmentStatus.COMPLETED);

            assertThat(e.paymentRefunded(UUID.randomUUID(), UUID.randomUUID(), NOW)).isTrue();

            assertThat(e.status()).isEqualTo(EnrollmentStatus.COMPLETED);
        }
    }

    /** ENR-7. */
    @Nested
    class Amendment {

        @Test
        void onlyACompletedEnrollmentCanBeAmended() {
            Enrollment e = at(EnrollmentStatus.CONFIRMED);
            refusedWith(() -> e.amend(Map.of("email", "new@example.com"), AMENDABLE, NOW), "STEP_NOT_ALLOWED");
        }

        @Test
        void theConfiguredFieldsChangeAndTheEventNamesThem() {
            Enrollment e = at(EnrollmentStatus.COMPLETED);

            var amended = e.amend(Map.of("email", "new@example.com", "postcode", "250014"), AMENDABLE, NOW);

            assertThat(amended).get().extracting(EnrollmentAmended::fields).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("email");
            assertThat(e.personalInfo().email()).isEqualTo("new@example.com");
            assertThat(e.amend(Map.of("email", "new@example.com"), AMENDABLE, NOW)).as("same again").isEmpty();
            assertThat(e.isSavedAmendment(Map.of("email", "new@example.com"))).isTrue();
        }

        @Test
        void otherFieldsAreLockedAndUnknownOnesRefused() {
            Enrollment e = at(EnrollmentStatus.COMPLETED);

            assertThatThrownBy(() -> e.amend(Map.of("householdCity", "110101"), AMENDABLE, NOW))
                    .isInstanceOfSatisfying(Refusal.class, problem -> {
                        assertThat(problem.code()).isEqualTo("FIELD_LOCKED");
                        assertThat(problem.getMessage()).contains("户籍所在市");
                    });
            refusedWith(() -> e.amend(Map.of("examLocation", "3701"), AMENDABLE, NOW), "FIELD_LOCKED");
            refusedWith(() -> e.amend(Map.of("nickname", "x"), AMENDABLE, NOW), "FIELD_UNKNOWN");
            assertThatThrownBy(() -> e.amend(Map.of("postcode", "12"), AMENDABLE, NOW))
                    .isInstanceOf(WizardInputException.class);
            assertThat(e.personalInfo()).isEqualTo(info());
        }

        @Test
        void editableFieldsFollowTheStatus() {
            assertThat(at(EnrollmentStatus.PHOTO_DONE).editableFields(AMENDABLE)).isEqualTo(PersonalInfo.FIELDS);
            assertThat(at(EnrollmentStatus.EXAM_CHOICE_SAVED).editableFields(AMENDABLE)).hasSize(13).contains("concurrentMajor");
            assertThat(at(EnrollmentStatus.CONFIRMED).editableFields(AMENDABLE)).isEmpty();
            assertThat(at(EnrollmentStatus.COMPLETED).editableFields(AMENDABLE))
                    .containsExactly("mailingAddress", "postcode", "email");
        }
    }
}
