package org.baokao.enrollment.wizard;

import org.baokao.domain.DomainModel;

/** The seven screens of the Shandong wizard (ENR-2), numbered and named as the manual shows them. */
@DomainModel
public enum Step {
    PLEDGE(1, "报考承诺"),
    PHOTO(2, "采集个人照片"),
    PERSONAL_INFO(3, "填写个人信息"),
    EXAM_CHOICE(4, "选报专业范围及选择考试地点"),
    CONFIRMATION(5, "确认报考信息"),
    PAYMENT(6, "网上缴费"),
    PREVIEW(7, "信息预览");

    private final int number;
    private final String title;

    Step(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
