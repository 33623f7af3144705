package org.baokao.enrollment.exam;

/** The half of an exam day a course is sat in (ENR-9: 按照考试计划，每半天选择一个课程). */
public enum HalfDay {
    AM("上午"), PM("下午");

    private final String label;

    HalfDay(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
