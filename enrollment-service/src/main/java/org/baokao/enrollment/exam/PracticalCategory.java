package org.baokao.enrollment.exam;

/** The two kinds of practical course (实践课) of the seed's 课程选择. */
public enum PracticalCategory {
    PUBLIC("公共实践类"), NON_PUBLIC("非公共实践类");

    private final String label;

    PracticalCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
