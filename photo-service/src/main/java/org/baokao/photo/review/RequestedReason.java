package org.baokao.photo.review;

import java.util.Arrays;
import java.util.Optional;

import org.baokao.domain.DomainModel;

/**
 * Why a review was opened (ManualReviewRequested's reason, the approval's cause), as the review desk filters and shows
 * it (OPS-3): 港澳台/外籍证件, 特殊专业 (中药学, 护理学), three failed comparisons, no reference photo. {@code PROOFS} is a
 * review gathered before its cause was known.
 */
@DomainModel
enum RequestedReason {
    NON_RESIDENT_ID("港澳台/外籍证件"),
    SPECIAL_MAJOR("特殊专业"),
    TOO_MANY_FAILURES("人像比对3次未通过"),
    NO_REFERENCE("公安无参考照片"),
    PROOFS("需人工审核");

    private final String label;

    RequestedReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<RequestedReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.name().equals(code)).findFirst();
    }

    /** The Chinese label of a stored code; an unknown code is shown as it is. */
    static String labelOf(String code) {
        return of(code).map(RequestedReason::label).orElse(code);
    }
}
