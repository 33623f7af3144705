package org.baokao.photo.approval;

import org.baokao.domain.DomainModel;

/**
 * Why a new candidate's approval needs proofs and a person (ENR-10, PHO-5); the code travels as
 * ManualReviewRequested's reason (the roster bureaus' review uses the last two as well).
 */
@DomainModel
public enum ReviewCause {
    /** 港澳台居民居住证, 港澳台胞证, 外国人永久居留身份证, 护照: the public-security comparison knows only 居民身份证. */
    NON_RESIDENT_ID,
    /** A 特殊专业 (the catalogue's {@code special}, e.g. 中药学, 护理学): the university checks the candidate itself. */
    SPECIAL_MAJOR,
    /** The comparisons failed {@code failures-before-review} times. */
    TOO_MANY_FAILURES,
    /** The provider holds no photo of the ID number: no retake can ever match. */
    NO_REFERENCE;

    private static final String THEN = "，须上传证明材料，由主考学校人工审核";

    /** The Chinese sentence the candidate reads above the upload boxes. */
    String explain(Approval approval) {
        return switch (this) {
            case NON_RESIDENT_ID -> "您的证件类型为" + IdDocumentType.nameOf(approval.idType()) + THEN;
            case SPECIAL_MAJOR -> "您报考的专业为特殊专业" + THEN;
            case TOO_MANY_FAILURES -> "人像比对" + approval.failedComparisons() + "次未通过" + THEN;
            case NO_REFERENCE -> "公安部门无您的证件照片可供比对" + THEN;
        };
    }
}
