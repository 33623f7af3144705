package org.baokao.enrollment.exam;

import java.time.Instant;
import java.util.UUID;

/** An exam candidates can register for (ENR-1). Its windows decide what a candidate may do and when. */
public record Exam(UUID id, String code, String name, ExamKind kind, Window registration, Window payment) {

    /** A half-open time window [opensAt, closesAt). */
    public record Window(Instant opensAt, Instant closesAt) {

        public boolean isOpenAt(Instant moment) {
            return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
        }
    }

    public boolean isRegistrationOpenAt(Instant moment) {
        return registration.isOpenAt(moment);
    }
}
