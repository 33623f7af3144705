package org.baokao.enrollment.selfstudy;

import java.util.List;

import org.baokao.domain.DomainModel;

/**
 * What decides whether a 自考 candidate may choose and pay for courses (SST-4, ENR-8), as kept here.
 *
 * @param missingProfileFields    the starred 个人信息 fields not filled in ({@link SelfStudyProfileRules#missing})
 * @param phoneVerified           the phone was proved by an SMS code (registration, PhoneVerified, PhoneChanged)
 * @param questionnaireConfigured the sitting has a 问卷调查 (one without asks nothing)
 * @param questionnaireAnswered   the candidate answered it at this sitting
 * @param newCandidate            holds a university of 新考生注册: paying waits for the approval (在籍考生 have none)
 * @param approvalStatus          photo-service's latest ApprovalChanged status, null before the first
 * @param approvalReason          the reason of a rejection or of the proofs asked for, else null
 * @param admissionNumber         the candidate's 准考证号, null until imported or generated
 */
@DomainModel
public record ReadinessFacts(List<String> missingProfileFields, boolean phoneVerified, boolean questionnaireConfigured,
        boolean questionnaireAnswered, boolean newCandidate, String approvalStatus, String approvalReason,
        String admissionNumber) {

    public static final String APPROVED = "APPROVED";

    public ReadinessFacts {
        missingProfileFields = List.copyOf(missingProfileFields);
    }

    /** A candidate of whom nothing has arrived yet: everything is still to do. */
    public static ReadinessFacts nothingYet(boolean questionnaireConfigured) {
        return new ReadinessFacts(SelfStudyProfile.REQUIRED, false, questionnaireConfigured, false, false, null, null,
                null);
    }
}
