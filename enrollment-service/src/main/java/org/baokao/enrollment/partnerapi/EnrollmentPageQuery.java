package org.baokao.enrollment.partnerapi;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.wizard.EnrollmentStatus;

/**
 * One page a partner asks for of an exam's enrollments (API-1): optionally only one {@code status}, only those
 * registered (the enrollment started: 报名时间) from day {@code from} to day {@code to} (both included, Beijing
 * time), at most {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), after
 * {@code cursor} (null: the first page).
 *
 * @param registeredFrom inclusive, null for no lower bound
 * @param registeredTo   exclusive (the start of the day after {@code to}), null for no upper bound
 */
@DomainModel
public record EnrollmentPageQuery(EnrollmentStatus status, Instant registeredFrom, Instant registeredTo, int limit,
        EnrollmentCursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The query the request's parameters say; 400 with a stable code for each that cannot be read. */
    public static EnrollmentPageQuery of(String examCode, String status, String from, String to, String limit,
            String cursor) {
        LocalDate fromDay = day(from, "from");
        LocalDate toDay = day(to, "to");
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw Refusal.invalid("DATE_RANGE_INVALID", "开始日期 from 不能晚于结束日期 to");
        }
        return new EnrollmentPageQuery(status(status),
                fromDay == null ? null : fromDay.atStartOfDay(BEIJING).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(BEIJING).toInstant(), limit(limit),
                blank(cursor) ? null : EnrollmentCursor.decode(cursor, examCode));
    }

    private static EnrollmentStatus status(String status) {
        if (blank(status)) {
            return null;
        }
        try {
            return EnrollmentStatus.valueOf(status.strip());
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("STATUS_INVALID", "报名状态 status 不正确，应为 PLEDGE_ACCEPTED、PHOTO_DONE、"
                    + "PERSONAL_INFO_SAVED、EXAM_CHOICE_SAVED、CONFIRMED 或 COMPLETED");
        }
    }

    private static LocalDate day(String value, String name) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw Refusal.invalid("DATE_INVALID", "日期 " + name + " 格式不正确，应为 YYYY-MM-DD（北京时间）");
        }
    }

    private static int limit(String value) {
        if (blank(value)) {
            return DEFAULT_LIMIT;
        }
        BigInteger limit;
        try {
            limit = new BigInteger(value.strip());
        } catch (NumberFormatException notANumber) {
            throw Refusal.invalid("PAGE_SIZE_INVALID", "每页条数 limit 应为1至" + MAX_LIMIT + "之间的整数");
        }
        if (limit.compareTo(BigInteger.valueOf(MAX_LIMIT)) > 0) {
            throw Refusal.invalid("PAGE_SIZE_TOO_LARGE", "每页条数 limit 不能超过" + MAX_LIMIT);
        }
        if (limit.signum() <= 0) {
            throw Refusal.invalid("PAGE_SIZE_INVALID", "每页条数 limit 应为1至" + MAX_LIMIT + "之间的整数");
        }
        return limit.intValueExact();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
