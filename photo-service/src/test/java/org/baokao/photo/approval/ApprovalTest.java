package org.baokao.photo.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.photo.approval.Approval.Comparison;
import org.baokao.photo.approval.Approval.ComparisonsSoFar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SST-2, ENR-10, PHO-5: a new candidate's approval as one state machine, in plain Java. */
class ApprovalTest {

    private static final Instant AT = Instant.parse("2026-09-01T02:00:00Z");
    private static final int LIMIT = 3;
    private static final Set<ProofKind> ID_PROOFS = Set.of(ProofKind.ID_CARD_FRONT, ProofKind.ID_CARD_BACK,
            ProofKind.HOLDING_ID);

    private static Approval resident(boolean special) {
        return Approval.open(UUID.randomUUID(), "sh", "10246", "B050301", "RESIDENT_ID", special, AT);
    }

    @Test
    void sst2_aPassedComparisonOfAResidentIdApprovesAutomatically() {
        Approval fresh = resident(false);
        assertThat(fresh.status()).isEqualTo(ApprovalStatus.PHOTO_REQUIRED);
        assertThat(fresh.reason()).isNull();
        assertThat(fresh.mayPay()).isFalse();

        Approval checking = fresh.photoSubmitted(UUID.randomUUID(), AT);
        assertThat(checking.status()).isEqualTo(ApprovalStatus.CHECKING);
        assertThat(checking.comparing()).isTrue();
        assertThat(checking.mayPay()).isFalse();

        Approval approved = checking.comparisonPassed(AT.plusSeconds(5));
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.changedAt()).isEqualTo(AT.plusSeconds(5));
        assertThat(approved.mayPay()).isTrue();
    }

    @Test
    void pho5_aFailedComparisonAllowsAnotherPhotoUntilTheThirdWhichNeedsProofs() {
        Approval approval = resident(false);
        for (int failure = 1; failure < LIMIT; failure++) {
            approval = approval.photoSubmitted(UUID.randomUUID(), AT).comparisonFailed(failure, LIMIT, AT);
            assertThat(approval.status()).as("after failure %d", failure).isEqualTo(ApprovalStatus.PHOTO_REQUIRED);
            assertThat(approval.failedComparisons()).isEqualTo(failure);
        }

        Approval third = approval.photoSubmitted(UUID.randomUUID(), AT).comparisonFailed(LIMIT, LIMIT, AT);

        assertThat(third.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(third.cause()).isEqualTo(ReviewCause.TOO_MANY_FAILURES);
        assertThat(third.failedComparisons()).isEqualTo(3);
        assertThat(third.reason()).isEqualTo("人像比对3次未通过，须上传证明材料，由主考学校人工审核");
        assertThat(third.requiredProofs()).containsExactly(ProofKind.ID_CARD_FRONT, ProofKind.ID_CARD_BACK,
                ProofKind.HOLDING_ID);
    }

    @ParameterizedTest
    @CsvSource({ "HMT_RESIDENCE_PERMIT, 港澳台居民居住证", "HMT_TRAVEL_PERMIT, 港澳台胞证",
            "FOREIGN_PERMANENT_RESIDENT, 外国人永久居留身份证", "PASSPORT, 护照" })
    void enr10_aNonResidentIdNeedsProofsFromTheStartAndItsPhotoIsNeverCompared(String idType, String name) {
        Approval approval = Approval.open(UUID.randomUUID(), "sh", "10269", "B040106", idType, false, AT);

        assertThat(approval.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(approval.cause()).isEqualTo(ReviewCause.NON_RESIDENT_ID);
        assertThat(approval.reason()).isEqualTo("您的证件类型为" + name + "，须上传证明材料，由主考学校人工审核");
        UUID photo = UUID.randomUUID();
        Approval withPhoto = approval.photoSubmitted(photo, AT);
        assertThat(withPhoto.comparing()).isFalse();
        assertThat(withPhoto.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(withPhoto.photoId()).isEqualTo(photo);
        // a comparison that ran anyway (queued before the registration was known) decides nothing
        assertThat(withPhoto.comparisonPassed(AT).status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
    }

    @Test
    void enr10_aSpecialMajorNeedsProofsIncludingEducationAndEmployerProofs() {
        Approval special = resident(true);

        assertThat(special.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(special.cause()).isEqualTo(ReviewCause.SPECIAL_MAJOR);
        assertThat(special.reason()).isEqualTo("您报考的专业为特殊专业，须上传证明材料，由主考学校人工审核");
        assertThat(special.requiredProofs()).containsExactly(ProofKind.ID_CARD_FRONT, ProofKind.ID_CARD_BACK,
                ProofKind.HOLDING_ID, ProofKind.EDUCATION_PROOF, ProofKind.EMPLOYER_PROOF);
        assertThat(special.photoSubmitted(UUID.randomUUID(), AT).comparing()).isFalse();
        assertThat(special.requiredKind("EMPLOYER_PROOF")).isEqualTo(ProofKind.EMPLOYER_PROOF);
        assertThat(resident(false).requiredProofs()).doesNotContain(ProofKind.EDUCATION_PROOF,
                ProofKind.EMPLOYER_PROOF);
    }

    @Test
    void pho5_noReferencePhotoNeedsProofsAtOnce() {
        Approval approval = resident(false).photoSubmitted(UUID.randomUUID(), AT).noReference(AT);

        assertThat(approval.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(approval.cause()).isEqualTo(ReviewCause.NO_REFERENCE);
        assertThat(approval.failedComparisons()).isZero();
    }

    @Test
    void pho5_onlyTheRequiredKindsAreTaken() {
        Approval approval = failedThrice();

        assertRefused(() -> approval.requiredKind("EDUCATION_PROOF"), "PROOF_KIND_NOT_REQUIRED",
                "证明材料类型须为：身份证人像面、身份证国徽面、手持身份证半身照");
        assertRefused(() -> approval.requiredKind("OTHER"), "PROOF_KIND_NOT_REQUIRED", "身份证人像面");
        assertRefused(() -> approval.requiredKind(null), "PROOF_KIND_NOT_REQUIRED", "身份证人像面");
        assertThat(approval.requiredKind("HOLDING_ID")).isEqualTo(ProofKind.HOLDING_ID);
    }

    @Test
    void pho5_submittingNeedsEveryRequiredProofAndAPhotoNamingWhatIsMissing() {
        Approval special = resident(true);
        assertRefused(() -> special.submitted(Set.of(ProofKind.ID_CARD_FRONT, ProofKind.HOLDING_ID), AT),
                "PROOFS_MISSING", "请先上传：身份证国徽面、学历证明、单位证明");
        assertRefused(() -> resident(false).photoSubmitted(UUID.randomUUID(), AT).comparisonFailed(3, 3, AT)
                .submitted(Set.of(), AT), "PROOFS_MISSING", "请先上传：身份证人像面、身份证国徽面、手持身份证半身照");
        // a passport holder who never submitted a photo: the reviewer would have nothing to compare the proofs with
        Approval noPhoto = Approval.open(UUID.randomUUID(), "sh", "10246", "B050301", "PASSPORT", false, AT);
        assertRefused(() -> noPhoto.submitted(ID_PROOFS, AT), "PHOTO_REQUIRED", "请先上传报名照片");

        Approval submitted = failedThrice().submitted(ID_PROOFS, AT.plusSeconds(60));

        assertThat(submitted.status()).isEqualTo(ApprovalStatus.IN_REVIEW);
        assertThat(submitted.status().label()).isEqualTo("人工审核中");
        assertThat(submitted.reason()).isEqualTo("人像比对3次未通过，须上传证明材料，由主考学校人工审核");
        assertThat(submitted.changedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void pho5_aDecisionApprovesOrRejectsWithAReasonAndARejectedCandidateResubmits() {
        Approval inReview = failedThrice().submitted(ID_PROOFS, AT);

        Approval approved = inReview.decided(true, null, AT);
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.status().label()).isEqualTo("审核通过");
        assertThat(approved.reason()).isNull();
        assertThat(approved.mayPay()).isTrue();

        Approval rejected = inReview.decided(false, "手持身份证半身照不清晰", AT);
        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.status().label()).isEqualTo("审核未通过");
        assertThat(rejected.reason()).isEqualTo("手持身份证半身照不清晰");
        assertThat(rejected.mayPay()).isFalse();
        rejected.refuseProofChange(); // uploading again is allowed

        Approval resubmitted = rejected.submitted(ID_PROOFS, AT);
        assertThat(resubmitted.status()).isEqualTo(ApprovalStatus.IN_REVIEW);
        assertThat(resubmitted.decisionReason()).isNull();
        assertThat(resubmitted.decided(true, null, AT).status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void pho5_proofsAndPhotosAreLockedWhileReviewedOrOnceApproved() {
        Approval inReview = failedThrice().submitted(ID_PROOFS, AT);
        Approval approved = inReview.decided(true, null, AT);

        assertRefused(inReview::refuseProofChange, "MANUAL_REVIEW_OPEN", "审核结束前不能更改");
        assertRefused(approved::refuseProofChange, "APPROVAL_APPROVED", "已审核通过");
        assertRefused(resident(false)::refuseProofChange, "PROOFS_NOT_REQUIRED", "当前无需上传证明材料");
        assertRefused(() -> inReview.submitted(ID_PROOFS, AT), "MANUAL_REVIEW_OPEN", "");
        assertRefused(() -> inReview.photoSubmitted(UUID.randomUUID(), AT), "MANUAL_REVIEW_OPEN", "");
        assertRefused(() -> approved.photoSubmitted(UUID.randomUUID(), AT), "IDENTITY_VERIFIED", "");
        assertRefused(() -> resident(false).photoSubmitted(UUID.randomUUID(), AT)
                .photoSubmitted(UUID.randomUUID(), AT), "IDENTITY_CHECK_PENDING", "");
        assertRefused(() -> approved.decided(false, "迟到的驳回", AT), "APPROVAL_STATE", "审核通过");
        assertRefused(() -> failedThrice().decided(true, null, AT), "APPROVAL_STATE", "待上传证明材料");
    }

    @Test
    void comparisonsThatRanBeforeTheRegistrationWasKnownAreCaughtUpWith() {
        UUID photo = UUID.randomUUID();

        assertThat(resident(false).caughtUpWith(new ComparisonsSoFar(null, null, 0), LIMIT, AT).status())
                .isEqualTo(ApprovalStatus.PHOTO_REQUIRED);
        Approval pending = resident(false).caughtUpWith(new ComparisonsSoFar(photo, Comparison.PENDING, 0), LIMIT, AT);
        assertThat(pending.status()).isEqualTo(ApprovalStatus.CHECKING);
        assertThat(pending.photoId()).isEqualTo(photo);
        assertThat(resident(false).caughtUpWith(new ComparisonsSoFar(photo, Comparison.MATCHED, 1), LIMIT, AT)
                .status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(resident(false).caughtUpWith(new ComparisonsSoFar(photo, Comparison.MISMATCHED, 2), LIMIT, AT)
                .status()).isEqualTo(ApprovalStatus.PHOTO_REQUIRED);
        assertThat(resident(false).caughtUpWith(new ComparisonsSoFar(photo, Comparison.MISMATCHED, 3), LIMIT, AT)
                .status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        // a passport holder's comparison (queued too early) approves nothing
        Approval passport = Approval.open(UUID.randomUUID(), "sh", "10246", "B050301", "PASSPORT", false, AT)
                .caughtUpWith(new ComparisonsSoFar(photo, Comparison.MATCHED, 0), LIMIT, AT);
        assertThat(passport.status()).isEqualTo(ApprovalStatus.PROOFS_REQUIRED);
        assertThat(passport.photoId()).isEqualTo(photo);
    }

    @Test
    void theTransitionsTable() {
        assertThat(ApprovalStatus.TRANSITIONS.isFinal(ApprovalStatus.APPROVED)).isTrue();
        assertThat(ApprovalStatus.TRANSITIONS.from(ApprovalStatus.CHECKING)).containsExactlyInAnyOrder(
                ApprovalStatus.APPROVED, ApprovalStatus.PHOTO_REQUIRED, ApprovalStatus.PROOFS_REQUIRED);
        assertThat(ApprovalStatus.TRANSITIONS.from(ApprovalStatus.REJECTED)).containsExactly(ApprovalStatus.IN_REVIEW);
        assertThat(ApprovalStatus.PHOTO_REQUIRED.mayBecome(ApprovalStatus.APPROVED)).isFalse();
        assertThat(ApprovalStatus.PROOFS_REQUIRED.mayBecome(ApprovalStatus.APPROVED)).isFalse();
        assertThat(ApprovalStatus.IN_REVIEW.mayBecome(ApprovalStatus.PROOFS_REQUIRED)).isFalse();
    }

    private static Approval failedThrice() {
        Approval approval = resident(false);
        for (int failure = 1; failure <= LIMIT; failure++) {
            approval = approval.photoSubmitted(UUID.randomUUID(), AT).comparisonFailed(failure, LIMIT, AT);
        }
        return approval;
    }

    private static void assertRefused(Runnable action, String code, String messagePart) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.getMessage()).contains(messagePart);
        });
    }
}
