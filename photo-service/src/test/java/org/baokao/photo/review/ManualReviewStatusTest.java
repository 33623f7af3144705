package org.baokao.photo.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baokao.domain.Refusal;
import org.junit.jupiter.api.Test;

/** PHO-5: an open manual review is decided once, either way; a decided one says how it was decided. */
class ManualReviewStatusTest {

    @Test
    void anOpenReviewIsApprovedOrRejected() {
        assertThat(ManualReviewStatus.OPEN.decide(true)).isEqualTo(ManualReviewStatus.APPROVED);
        assertThat(ManualReviewStatus.OPEN.decide(false)).isEqualTo(ManualReviewStatus.REJECTED);
    }

    @Test
    void aDecidedReviewCannotBeDecidedAgain() {
        assertThatThrownBy(() -> ManualReviewStatus.APPROVED.decide(false))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("MANUAL_REVIEW_DECIDED");
                    assertThat(refusal.getMessage()).contains("已通过");
                });
        assertThatThrownBy(() -> ManualReviewStatus.REJECTED.decide(true))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.getMessage()).contains("未通过"));
        assertThatThrownBy(() -> ManualReviewStatus.APPROVED.decide(true)).isInstanceOf(Refusal.class);
    }

    @Test
    void aGatheredReviewIsSubmittedOnceAndOnlyThenDecided() {
        assertThat(ManualReviewStatus.COLLECTING.submit()).isEqualTo(ManualReviewStatus.OPEN);
        assertThatThrownBy(() -> ManualReviewStatus.COLLECTING.decide(true))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("MANUAL_REVIEW_NOT_SUBMITTED");
                    assertThat(refusal.getMessage()).isEqualTo("考生尚未提交审核，不能处理");
                });
        assertThatThrownBy(ManualReviewStatus.OPEN::submit).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("MANUAL_REVIEW_SUBMITTED"));
        assertThatThrownBy(ManualReviewStatus.REJECTED::submit).isInstanceOf(Refusal.class);
    }

    @Test
    void eachStatusHasTheLabelTheCandidateReads() {
        assertThat(ManualReviewStatus.COLLECTING.label()).isEqualTo("待考生提交");
        assertThat(ManualReviewStatus.OPEN.label()).isEqualTo("人工审核中");
        assertThat(ManualReviewStatus.APPROVED.label()).isEqualTo("人工审核通过");
        assertThat(ManualReviewStatus.REJECTED.label()).isEqualTo("人工审核未通过");
    }
}
