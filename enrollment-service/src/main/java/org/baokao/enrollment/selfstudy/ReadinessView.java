package org.baokao.enrollment.selfstudy;

import java.util.List;

/**
 * {@link CourseReadiness.Readiness} as the API answers it (SST-4): {@code mayChoose}, {@code mayPay}, the
 * {@code blockers} in the order to fix them, the {@code paymentBlocker} (null when none) and the candidate's
 * {@code admissionNumber} (null until one is imported or generated). The course page shows the same.
 */
public record ReadinessView(boolean mayChoose, boolean mayPay, List<CourseReadiness.Blocker> blockers,
        CourseReadiness.Blocker paymentBlocker, String admissionNumber) {

    public static ReadinessView of(CourseReadiness.Readiness readiness) {
        return new ReadinessView(readiness.mayChoose(), readiness.mayPay(), readiness.blockers(),
                readiness.paymentBlocker(), readiness.admissionNumber());
    }
}
