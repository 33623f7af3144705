package org.baokao.enrollment.courseplan;

import static org.baokao.enrollment.courseplan.CoursePlanColumn.CATEGORY;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.COURSE_CODE;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.COURSE_NAME;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.CREDITS;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.DATE;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.FEE;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.HALF_DAY;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.MAJOR_CODE;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.PAYMENT;
import static org.baokao.enrollment.courseplan.CoursePlanColumn.UNIVERSITY_CODE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.HalfDay;
import org.baokao.enrollment.exam.PracticalCategory;
import org.baokao.enrollment.exam.PracticalCourse;
import org.baokao.enrollment.exam.PracticalPayment;
import org.baokao.enrollment.exam.TheoryCourse;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableHeader;

/**
 * Reads the cells of one row of a course plan file into a {@link CoursePlanRow}, reporting every cell it cannot read
 * (the column's Chinese header as the field, a stable code, a Chinese reason):
 * <ul>
 *   <li>课程类别: 理论 (理论课), 公共实践 (公共实践类), 非公共实践 (非公共实践类);</li>
 *   <li>学分: a whole number (left empty: none);</li>
 *   <li>报考费（元）: yuan with at most two decimals, above 0 and at most 100000, for a theory course; empty for a
 *       practical one (the platform takes no money for it);</li>
 *   <li>考试日期: 2026-10-24, 2026/10/24, 2026.10.24, 2026年10月24日, or a date cell of a spreadsheet;</li>
 *   <li>时段: 上午 or 下午 (AM, PM);</li>
 *   <li>实践课缴费 (practical courses only): 审核后缴费 or 院校收费 (or the platform's own words for them).</li>
 * </ul>
 * What the plan's rules say of the course (codes, credits range, dates, one course per slot...) is checked with the
 * whole plan, not here.
 */
@DomainModel
final class CoursePlanRowReader {

    /** ¥100,000, as {@code ExamRules} caps a fee. */
    private static final BigDecimal MAX_FEE_YUAN = BigDecimal.valueOf(100_000);
    private static final Pattern DATE_TEXT = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    /** Spreadsheet dates are days since 1899-12-30 (Excel's 1900 date system); 2958465 is 9999-12-31. */
    private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int LAST_SPREADSHEET_DAY = 2_958_465;
    private static final List<String> HEADERS = CoursePlanColumn.ALL.stream().map(CoursePlanColumn::header).toList();

    private CoursePlanRowReader() {
    }

    /** The row's course, or its errors. */
    record Read(CoursePlanRow row, List<RowError> errors) {
    }

    static Read read(SourceRow source, TableHeader header) {
        int line = source.line();
        List<RowError> errors = new ArrayList<>();
        String university = required(line, UNIVERSITY_CODE, header.value(source, UNIVERSITY_CODE), errors);
        String major = required(line, MAJOR_CODE, header.value(source, MAJOR_CODE), errors);
        String code = required(line, COURSE_CODE, header.value(source, COURSE_CODE), errors);
        String name = header.value(source, COURSE_NAME).strip();
        Integer credits = credits(line, header.value(source, CREDITS).strip(), errors);
        LocalDate date = date(line, header.value(source, DATE).strip(), header.numeric(source, DATE), errors);
        HalfDay halfDay = halfDay(line, header.value(source, HALF_DAY).strip(), errors);
        String fee = header.value(source, FEE).strip();
        String payment = header.value(source, PAYMENT).strip();
        String category = header.value(source, CATEGORY).strip();
        CoursePlanRow row = null;
        switch (category) {
            case "理论", "理论课" -> {
                Long feeFen = fee(line, fee, errors);
                if (!payment.isEmpty()) {
                    errors.add(error(line, PAYMENT, "PAYMENT_NOT_ALLOWED", "理论课不填写实践课缴费（理论课通过公共支付平台缴费）"));
                }
                row = new CoursePlanRow(line, university, major, new TheoryCourse(code, name, credits, feeFen, date,
                        halfDay), null);
            }
            case "公共实践", "公共实践类", "非公共实践", "非公共实践类" -> {
                if (!fee.isEmpty()) {
                    errors.add(error(line, FEE, "FEE_NOT_ALLOWED",
                            "实践课不在报名网站缴费（缴费以院校通知为准），报考费（元）应留空"));
                }
                PracticalCategory kind = category.startsWith("非") ? PracticalCategory.NON_PUBLIC
                        : PracticalCategory.PUBLIC;
                row = new CoursePlanRow(line, university, major, null, new PracticalCourse(code, name, credits, kind,
                        payment(line, payment, errors), date, halfDay));
            }
            case "" -> errors.add(error(line, CATEGORY, "CATEGORY_REQUIRED", "请填写课程类别（理论、公共实践或非公共实践）"));
            default -> errors.add(error(line, CATEGORY, "CATEGORY_INVALID", "课程类别应为理论、公共实践或非公共实践"));
        }
        // in the columns' order, as the operator reads the row
        errors.sort(Comparator.comparingInt(error -> HEADERS.indexOf(error.field())));
        return errors.isEmpty() ? new Read(row, List.of()) : new Read(null, List.copyOf(errors));
    }

    private static String required(int line, CoursePlanColumn column, String cell, List<RowError> errors) {
        String value = cell.strip();
        if (value.isEmpty()) {
            errors.add(error(line, column, column.name() + "_REQUIRED", "请填写" + column.header()));
            return null;
        }
        return value;
    }

    private static Integer credits(int line, String cell, List<RowError> errors) {
        if (cell.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(cell).matches()) {
            errors.add(error(line, CREDITS, "CREDITS_INVALID", "学分应为整数"));
            return null;
        }
        return Integer.valueOf(cell);
    }

    private static Long fee(int line, String cell, List<RowError> errors) {
        if (cell.isEmpty()) {
            errors.add(error(line, FEE, "FEE_REQUIRED", "请填写理论课的报考费（元）"));
            return null;
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(cell.replace(",", "").replace("元", "").strip());
        } catch (NumberFormatException notANumber) {
            yuan = null;
        }
        if (yuan == null || yuan.stripTrailingZeros().scale() > 2) {
            errors.add(error(line, FEE, "FEE_INVALID", "报考费（元）应为金额，最多两位小数，如45或45.00"));
            return null;
        }
        if (yuan.signum() <= 0) {
            errors.add(error(line, FEE, "FEE_INVALID", "报考费（元）应大于0"));
            return null;
        }
        if (yuan.compareTo(MAX_FEE_YUAN) > 0) {
            errors.add(error(line, FEE, "FEE_TOO_LARGE", "报考费（元）不能超过100000元"));
            return null;
        }
        return yuan.movePointRight(2).longValueExact();
    }

    private static LocalDate date(int line, String cell, boolean numericCell, List<RowError> errors) {
        if (cell.isEmpty()) {
            return null;
        }
        if (numericCell && WHOLE.matcher(cell).matches()) {
            int day = Integer.parseInt(cell);
            if (day >= 1 && day <= LAST_SPREADSHEET_DAY) {
                return SPREADSHEET_EPOCH.plusDays(day);
            }
        }
        Matcher matcher = DATE_TEXT.matcher(cell);
        if (matcher.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
            } catch (DateTimeException noSuchDay) {
                // reported below
            }
        }
        errors.add(error(line, DATE, "DATE_INVALID", "考试日期不正确，应写作2026-10-24"));
        return null;
    }

    private static HalfDay halfDay(int line, String cell, List<RowError> errors) {
        return switch (cell.toUpperCase(Locale.ROOT)) {
            case "" -> null;
            case "上午", "AM" -> HalfDay.AM;
            case "下午", "PM" -> HalfDay.PM;
            default -> {
                errors.add(error(line, HALF_DAY, "HALF_DAY_INVALID", "时段应为上午或下午"));
                yield null;
            }
        };
    }

    private static PracticalPayment payment(int line, String cell, List<RowError> errors) {
        return switch (cell) {
            case "" -> null;
            case "审核后缴费", "须经主考学校审核后缴费" -> PracticalPayment.REVIEW_BEFORE_PAYMENT;
            case "院校收费", "缴费以院校通知为准" -> PracticalPayment.AT_UNIVERSITY;
            default -> {
                errors.add(error(line, PAYMENT, "PAYMENT_INVALID", "实践课缴费应为审核后缴费或院校收费"));
                yield null;
            }
        };
    }

    static RowError error(int line, CoursePlanColumn column, String code, String reason) {
        return new RowError(line, column.header(), code, reason);
    }
}
