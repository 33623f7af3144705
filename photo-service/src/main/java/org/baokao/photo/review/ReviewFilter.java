package org.baokao.photo.review;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;

/**
 * The review desk's filters (OPS-3), each optional: {@code status} one of the review's states or {@code DECIDED}
 * (通过 or 不通过); {@code reason} why it was opened ({@link RequestedReason}); {@code specialMajor} the 特殊专业 filter
 * (中药学, 护理学: the candidate's approval says it); {@code university} a 主考学校 code; {@code from}/{@code to} the days
 * (Beijing time) it was opened, both included. Paging: {@code page} from 0, {@code size} 1–100.
 */
@DomainModel
record ReviewFilter(String status, String reason, Boolean specialMajor, String university, LocalDate from,
        LocalDate to, int page, int size) {

    static final String DECIDED = "DECIDED";
    static final int MAX_SIZE = 100;
    private static final Set<String> STATUSES = Set.of("COLLECTING", "OPEN", "APPROVED", "REJECTED", DECIDED);

    /** The filters as typed in the query; 400 with a code per bad value. */
    static ReviewFilter of(String status, String reason, Boolean specialMajor, String university, String from,
            String to, int page, int size) {
        String state = blankToNull(status);
        if (state != null && !STATUSES.contains(state)) {
            throw Refusal.invalid("REVIEW_STATUS_INVALID", "状态须为 OPEN、DECIDED、APPROVED、REJECTED 或 COLLECTING");
        }
        String why = blankToNull(reason);
        if (why != null && RequestedReason.of(why).isEmpty()) {
            throw Refusal.invalid("REVIEW_REASON_INVALID",
                    "审核原因须为 NON_RESIDENT_ID、SPECIAL_MAJOR、TOO_MANY_FAILURES 或 NO_REFERENCE");
        }
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (first != null && last != null && last.isBefore(first)) {
            throw Refusal.invalid("DATE_RANGE_INVALID", "结束日期不能早于开始日期");
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw Refusal.invalid("PAGE_INVALID", "页码须从0开始，每页条数须在1到" + MAX_SIZE + "之间");
        }
        return new ReviewFilter(state, why, specialMajor, blankToNull(university), first, last, page, size);
    }

    /** A queue of waiting cases is worked oldest first; anything else is read latest first. */
    boolean oldestFirst() {
        return "OPEN".equals(status) || "COLLECTING".equals(status);
    }

    private static LocalDate date(String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("DATE_INVALID", "日期格式须为 yyyy-MM-dd");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
