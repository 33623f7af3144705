package org.baokao.enrollment.courseplan;

import java.util.List;

import org.baokao.tabular.ImportColumn;

/**
 * The columns of a course plan file (ENR-1, ENR-9), one row per course, found by their Chinese headers in any order.
 * 实践课缴费 may be left out of a file of theory courses only; every other column is required.
 */
enum CoursePlanColumn implements ImportColumn {

    UNIVERSITY_CODE("主考学校代码"),
    MAJOR_CODE("专业代码"),
    CATEGORY("课程类别"),
    COURSE_CODE("课程代码"),
    COURSE_NAME("课程名称"),
    CREDITS("学分"),
    FEE("报考费（元）"),
    DATE("考试日期"),
    HALF_DAY("时段"),
    PAYMENT("实践课缴费", false);

    static final List<CoursePlanColumn> ALL = List.of(values());

    private final String header;
    private final boolean required;

    CoursePlanColumn(String header) {
        this(header, true);
    }

    CoursePlanColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public boolean required() {
        return required;
    }

    /** The column that holds a course's property ({@code date}, {@code feeFen}...) of the plan's JSON, if any. */
    static CoursePlanColumn ofProperty(String property) {
        return switch (property) {
            case "code" -> COURSE_CODE;
            case "name" -> COURSE_NAME;
            case "credits" -> CREDITS;
            case "feeFen" -> FEE;
            case "date" -> DATE;
            case "halfDay" -> HALF_DAY;
            case "category" -> CATEGORY;
            case "payment" -> PAYMENT;
            default -> null;
        };
    }
}
