package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

// GW-2: 预计等待 M 分钟, from the rate the line moved lately
class WaitEstimateTest {

    private static final Duration MINIMUM = Duration.ofSeconds(20);

    @Test
    void theWaitIsThePeopleAheadAndOneselfAtTheRecentRateRoundedUp() {
        AdmissionRate tenPerMinute = AdmissionRate.measured(20, Duration.ofMinutes(2), MINIMUM);
        assertThat(tenPerMinute.perMinute()).isEqualTo(10.0);
        assertThat(WaitEstimate.minutes(25, tenPerMinute)).hasValue(3);
        assertThat(WaitEstimate.minutes(29, tenPerMinute)).hasValue(3);
        assertThat(WaitEstimate.minutes(30, tenPerMinute)).hasValue(4);
    }

    @Test
    void theFrontOfAFastLineIsStillToldOneMinuteNotZero() {
        AdmissionRate fast = AdmissionRate.measured(600, Duration.ofMinutes(2), MINIMUM);
        assertThat(WaitEstimate.minutes(0, fast)).hasValue(1);
    }

    @Test
    void withNoAdmissionLatelyTheWaitIsNotInvented() {
        assertThat(WaitEstimate.minutes(3, AdmissionRate.UNKNOWN)).isEmpty();
        assertThat(WaitEstimate.minutes(3, AdmissionRate.measured(0, Duration.ofMinutes(2), MINIMUM))).isEmpty();
    }

    @Test
    void aFirstBatchAMomentAgoIsMeasuredOverTheMinimumSpan() {
        // 8 let in 1 s ago would promise 480 per minute; over 20 s it is 24 per minute
        AdmissionRate rate = AdmissionRate.measured(8, Duration.ofSeconds(1), MINIMUM);
        assertThat(rate.perMinute()).isEqualTo(24.0);
        assertThat(WaitEstimate.minutes(47, rate)).hasValue(2);
    }

    @Test
    void theMessageNamesThePeopleAheadAndTheMinutes() {
        assertThat(QueueMessage.of(12, java.util.OptionalInt.of(3))).isEqualTo("排队中，您前面还有 12 人，预计等待 3 分钟");
        assertThat(QueueMessage.of(0, java.util.OptionalInt.empty())).isEqualTo("排队中，您前面还有 0 人，正在估算等待时间");
    }
}
