package org.baokao.enrollment.selfstudy;

import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.selfstudy.CourseReadiness.Blocker;
import org.baokao.enrollment.selfstudy.CourseReadiness.Readiness;

/**
 * When a Shanghai 自考 candidate may choose courses and pay for them (SST-4, ENR-8; seed 004 §3(1), §3(2)): choosing
 * waits, in this order, for complete personal information (the starred fields), a verified phone and the sitting's
 * 问卷 answered; each missing step is a {@link Blocker} with its reason in Chinese and the page that fixes it. Paying
 * waits too, for a new candidate (新考生注册), until photo-service has approved them; an imported 在籍考生 has no approval
 * and pays once they may choose.
 */
@DomainModel
public final class ReadinessRules {

    public static final String PROFILE_INCOMPLETE = "PROFILE_INCOMPLETE";
    public static final String PHONE_NOT_VERIFIED = "PHONE_NOT_VERIFIED";
    public static final String QUESTIONNAIRE_REQUIRED = "QUESTIONNAIRE_REQUIRED";
    public static final String APPROVAL_REQUIRED = "APPROVAL_REQUIRED";

    private ReadinessRules() {
    }

    public static Readiness of(ReadinessFacts facts) {
        List<Blocker> blockers = new ArrayList<>();
        if (!facts.missingProfileFields().isEmpty()) {
            blockers.add(new Blocker(PROFILE_INCOMPLETE, "个人信息不完整：请先补全带*的个人信息", "/home"));
        }
        if (!facts.phoneVerified()) {
            blockers.add(new Blocker(PHONE_NOT_VERIFIED, "请先验证手机号码", "/first-login"));
        }
        if (facts.questionnaireConfigured() && !facts.questionnaireAnswered()) {
            blockers.add(new Blocker(QUESTIONNAIRE_REQUIRED, "请先填写问卷调查", "/questionnaire"));
        }
        Blocker payment = facts.newCandidate() && !ReadinessFacts.APPROVED.equals(facts.approvalStatus())
                ? new Blocker(APPROVAL_REQUIRED, approvalMessage(facts.approvalStatus(), facts.approvalReason()),
                        "/review")
                : null;
        return new Readiness(blockers, payment, facts.admissionNumber());
    }

    /** Why a new candidate cannot pay yet, by where their approval stands (SST-2). */
    static String approvalMessage(String status, String reason) {
        return switch (status == null ? "" : status) {
            case "IN_REVIEW" -> "您的报名信息正在人工审核中，审核通过后才能缴费";
            case "PROOFS_REQUIRED" -> "您的报名信息须经人工审核：请先上传证明材料，审核通过后才能缴费";
            case "REJECTED" -> "您的报名信息审核未通过" + (reason == null || reason.isBlank() ? "" : "（" + reason.strip() + "）")
                    + "，请按要求修改后重新提交，审核通过后才能缴费";
            case "PHOTO_REQUIRED" -> "请先上传本人照片，审核通过后才能缴费";
            case "CHECKING" -> "您的照片正在核验中，核验通过后才能缴费";
            default -> "您的报名信息尚未审核通过，审核通过后才能缴费";
        };
    }
}
