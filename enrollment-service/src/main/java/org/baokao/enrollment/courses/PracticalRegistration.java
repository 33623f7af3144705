package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.Objects;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.exam.PracticalPayment;

/**
 * A practical course (实践课) the candidate registered for (ENR-9). The platform takes no money for it (seed 004 §3(3):
 * 实践课缴费以院校通知为准，报名网站上不再提供代收服务): ticking it registers it, either simply or waiting for the
 * university's review, as the plan marks the course.
 */
@DomainModel
public record PracticalRegistration(CourseRef ref, State state, Instant registeredAt) {

    public PracticalRegistration {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    public enum State {
        REGISTERED("已报考（缴费以院校通知为准）"), AWAITING_REVIEW("待主考学校审核");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A course paid at the university is registered at once; one reviewed before payment waits for it. */
        public static State of(PracticalPayment payment) {
            return payment == PracticalPayment.REVIEW_BEFORE_PAYMENT ? AWAITING_REVIEW : REGISTERED;
        }
    }
}
