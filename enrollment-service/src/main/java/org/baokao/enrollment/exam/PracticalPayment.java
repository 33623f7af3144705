package org.baokao.enrollment.exam;

/**
 * How a practical course is settled (ENR-9; seed 004 §3(3): 实践课缴费以院校通知为准，报名网站上不再提供代收服务). The platform
 * never takes money for one: it records the registration, which either waits for the university's review or is
 * simply registered, and the university collects the fee itself.
 */
public enum PracticalPayment {
    REVIEW_BEFORE_PAYMENT("须经主考学校审核后缴费"), AT_UNIVERSITY("缴费以院校通知为准");

    private final String label;

    PracticalPayment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
