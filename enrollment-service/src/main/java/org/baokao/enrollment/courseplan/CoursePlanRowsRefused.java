package org.baokao.enrollment.courseplan;

import java.util.List;

import org.baokao.tabular.RowError;

/**
 * A course plan file whose rows break rules (ENR-1): nothing of it is stored. Answered 400 {@code
 * COURSE_PLAN_ROWS_INVALID} with every error in line order ({@code line}, {@code field} the column's header,
 * {@code code}, {@code reason}), so the operator fixes the file once.
 */
class CoursePlanRowsRefused extends RuntimeException {

    static final String CODE = "COURSE_PLAN_ROWS_INVALID";

    private final List<RowError> errors;

    CoursePlanRowsRefused(List<RowError> errors) {
        super("课程计划文件有" + errors.size() + "处错误，未导入任何课程：" + describe(errors.getFirst()), null, false,
                false);
        this.errors = List.copyOf(errors);
    }

    List<RowError> errors() {
        return errors;
    }

    private static String describe(RowError error) {
        return (error.line() > 0 ? "第" + error.line() + "行" : "") + (error.field() != null && error.line() > 0
                ? "（" + error.field() + "）" : "") + error.reason();
    }
}
