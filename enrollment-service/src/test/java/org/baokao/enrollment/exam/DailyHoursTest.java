package org.baokao.enrollment.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** PAY-3 / ENR-1: the hours of each payment day. */
class DailyHoursTest {

    @Test
    void parsesHoursAndMinutesUpToMidnightAtTheEnd() {
        DailyHours hours = DailyHours.parse("08:00", "22:00").orElseThrow();
        assertThat(hours.opens()).isEqualTo("08:00");
        assertThat(hours.closes()).isEqualTo("22:00");
        assertThat(DailyHours.parse("00:00", "24:00").orElseThrow()).isEqualTo(DailyHours.ALL_DAY);
        assertThat(DailyHours.ALL_DAY.isAllDay()).isTrue();
        assertThat(DailyHours.parse("09:30", "17:00").orElseThrow().toString()).isEqualTo("09:30–17:00");
    }

    @Test
    void refusesWhatIsNotAnHourOfOneDayInOrder() {
        assertThat(DailyHours.parse("22:00", "08:00")).isEmpty();
        assertThat(DailyHours.parse("08:00", "08:00")).isEmpty();
        assertThat(DailyHours.parse("24:00", "24:00")).isEmpty();
        assertThat(DailyHours.parse("8:00", "22:00")).isEmpty();
        assertThat(DailyHours.parse("08:00", "24:30")).isEmpty();
        assertThat(DailyHours.parse(null, "22:00")).isEmpty();
        assertThatThrownBy(() -> new DailyHours(600, 300)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsItsFirstMinuteButNotItsClosingOne() {
        DailyHours hours = DailyHours.parse("08:00", "22:00").orElseThrow();
        assertThat(hours.contains(LocalTime.of(7, 59, 59))).isFalse();
        assertThat(hours.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(hours.contains(LocalTime.of(21, 59, 59))).isTrue();
        assertThat(hours.contains(LocalTime.of(22, 0))).isFalse();
        assertThat(DailyHours.ALL_DAY.contains(LocalTime.of(23, 59, 59))).isTrue();
        assertThat(DailyHours.ALL_DAY.contains(LocalTime.MIDNIGHT)).isTrue();
    }
}
