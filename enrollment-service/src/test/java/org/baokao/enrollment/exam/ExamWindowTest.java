package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ENR-1 / PAY-3: the registration window, and payment open only on its dates AND within its daily hours. */
class ExamWindowTest {

    private final Exam.Window window = new Exam.Window(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-10T00:00:00Z"));

    @Test
    void opensAtItsFirstInstantAndClosesAtItsLast() {
        assertThat(window.isOpenAt(Instant.parse("2026-02-28T23:59:59Z"))).isFalse();
        assertThat(window.isOpenAt(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2026-03-09T23:59:59Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2026-03-10T00:00:00Z"))).isFalse();
    }

    @Test
    void paymentIsOpenOnlyOnItsDatesWithinItsDailyHoursInShanghaiTime() {
        // payment days 2023-04-12 to 14 (Asia/Shanghai), each day 08:00–22:00 Beijing time (00:00–14:00 UTC)
        Exam exam = exam(new Exam.Window(Instant.parse("2023-04-11T16:00:00Z"), Instant.parse("2023-04-14T16:00:00Z")),
                DailyHours.parse("08:00", "22:00").orElseThrow());

        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-11T23:59:59Z"))).as("07:59:59 on day one").isFalse();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-12T00:00:00Z"))).as("08:00 on day one").isTrue();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-12T13:59:59Z"))).as("21:59:59").isTrue();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-12T14:00:00Z"))).as("22:00").isFalse();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-12T18:00:00Z"))).as("02:00 at night").isFalse();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-14T05:00:00Z"))).as("13:00 on the last day").isTrue();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-15T02:00:00Z"))).as("10:00 the day after").isFalse();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2023-04-11T02:00:00Z"))).as("10:00 the day before").isFalse();
    }

    @Test
    void allDayPaymentFollowsOnlyTheDates() {
        Exam exam = exam(window, DailyHours.ALL_DAY);

        assertThat(exam.isPaymentOpenAt(Instant.parse("2026-03-05T18:30:00Z"))).as("02:30 Beijing time").isTrue();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2026-03-10T00:00:00Z"))).isFalse();
    }

    private Exam exam(Exam.Window payment, DailyHours hours) {
        return new Exam(null, "T", "测试考试", ExamKind.UNIFIED_UPGRADE, window, payment, hours, List.of(), List.of(),
                null, null, List.of(), "sd");
    }
}
