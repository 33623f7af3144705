package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baokao.enrollment.selfstudy.CourseReadiness.Blocker;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SST-4, ENR-8: when a 自考 candidate may choose courses and pay — each blocker, its order, message and link. */
class ReadinessRulesTest {

    private static final ReadinessFacts READY = new ReadinessFacts(List.of(), true, true, true, true, "APPROVED", null,
            "261024600001");

    @Test
    @DisplayName("SST-4: nothing done: 个人信息, then the phone, then the 问卷, each with the page that fixes it")
    void everythingToDo() {
        Readiness readiness = ReadinessRules.of(ReadinessFacts.nothingYet(true));

        assertThat(readiness.blockers()).containsExactly(
                new Blocker("PROFILE_INCOMPLETE", "个人信息不完整：请先补全带*的个人信息", "/home"),
                new Blocker("PHONE_NOT_VERIFIED", "请先验证手机号码", "/first-login"),
                new Blocker("QUESTIONNAIRE_REQUIRED", "请先填写问卷调查", "/questionnaire"));
        assertThat(readiness.mayChoose()).isFalse();
        assertThat(readiness.mayPay()).isFalse();
        assertThat(readiness.paymentBlocker()).as("not known to be a new candidate").isNull();
    }

    @Test
    @DisplayName("SST-4: each blocker goes by itself; a sitting without a 问卷 asks none")
    void eachBlockerByItself() {
        assertThat(codes(new ReadinessFacts(List.of("occupation"), true, true, true, false, null, null, null)))
                .containsExactly("PROFILE_INCOMPLETE");
        assertThat(codes(new ReadinessFacts(List.of(), false, true, true, false, null, null, null)))
                .containsExactly("PHONE_NOT_VERIFIED");
        assertThat(codes(new ReadinessFacts(List.of(), true, true, false, false, null, null, null)))
                .containsExactly("QUESTIONNAIRE_REQUIRED");
        assertThat(codes(new ReadinessFacts(List.of(), true, false, false, false, null, null, null))).isEmpty();
        Readiness ready = ReadinessRules.of(READY);
        assertThat(ready.mayChoose()).isTrue();
        assertThat(ready.mayPay()).isTrue();
        assertThat(ready.admissionNumber()).isEqualTo("261024600001");
    }

    @Test
    @DisplayName("ENR-8, SST-2: a new candidate chooses under review but pays only once APPROVED; 在籍考生 need no approval")
    void paymentWaitsForTheApprovalOfNewCandidates() {
        Readiness inReview = ReadinessRules.of(new ReadinessFacts(List.of(), true, true, true, true, "IN_REVIEW", null,
                null));
        assertThat(inReview.mayChoose()).isTrue();
        assertThat(inReview.mayPay()).isFalse();
        assertThat(inReview.paymentBlocker()).isEqualTo(new Blocker("APPROVAL_REQUIRED",
                "您的报名信息正在人工审核中，审核通过后才能缴费", "/review"));

        assertThat(ReadinessRules.of(new ReadinessFacts(List.of(), true, true, true, true, "REJECTED", "照片不清晰",
                null)).paymentBlocker().message()).isEqualTo("您的报名信息审核未通过（照片不清晰），请按要求修改后重新提交，审核通过后才能缴费");
        assertThat(ReadinessRules.of(new ReadinessFacts(List.of(), true, true, true, true, "PROOFS_REQUIRED", null,
                null)).paymentBlocker().message()).isEqualTo("您的报名信息须经人工审核：请先上传证明材料，审核通过后才能缴费");
        assertThat(ReadinessRules.of(new ReadinessFacts(List.of(), true, true, true, true, null, null, null))
                .paymentBlocker().code()).as("no approval heard of yet").isEqualTo("APPROVAL_REQUIRED");

        Readiness imported = ReadinessRules.of(new ReadinessFacts(List.of(), true, true, true, false, null, null,
                "010124100001"));
        assertThat(imported.mayPay()).isTrue();
        assertThat(imported.paymentBlocker()).isNull();
    }

    private static List<String> codes(ReadinessFacts facts) {
        return ReadinessRules.of(facts).blockers().stream().map(Blocker::code).toList();
    }
}
