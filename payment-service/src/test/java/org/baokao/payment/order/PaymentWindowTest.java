package org.baokao.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** PAY-3: payment dates AND daily hours, Asia/Shanghai. */
class PaymentWindowTest {

    static final PaymentWindow SHANDONG = new PaymentWindow(Instant.parse("2026-03-09T16:00:00Z"),
            Instant.parse("2026-03-20T16:00:00Z"), "09:00", "17:00");

    @Test
    void openOnPaymentDaysWithinTheDailyHours() {
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-10T01:00:00Z"))).as("09:00 Beijing").isTrue();
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-10T08:59:00Z"))).as("16:59").isTrue();
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-10T09:00:00Z"))).as("17:00").isFalse();
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-10T00:59:00Z"))).as("08:59").isFalse();
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-09T02:00:00Z"))).as("before the dates").isFalse();
        assertThat(SHANDONG.isOpenAt(Instant.parse("2026-03-21T02:00:00Z"))).as("after the dates").isFalse();
        assertThat(SHANDONG.describe()).isEqualTo("2026-03-10 至 2026-03-20，每天 09:00–17:00（北京时间）");
    }

    @Test
    void aWholeDayAndAnUnknownWindow() {
        PaymentWindow allDay = new PaymentWindow(null, null, "00:00", "24:00");
        assertThat(allDay.isOpenAt(Instant.parse("2026-03-10T15:59:00Z"))).isTrue();
        assertThat(new PaymentWindow(null, null, null, null).isOpenAt(Instant.now())).isTrue();
        assertThat(new PaymentWindow(null, null, null, null).describe()).isEqualTo("全天（北京时间）");
    }
}
