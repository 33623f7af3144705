package org.baokao.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The arrival model of ./baokao bench day (issue 23 §1): levels rising in steps, ramps between them. */
class LoadPlanTest {

    private final LoadPlan plan = new LoadPlan(0.2, 0.2, 3, Duration.ofSeconds(30), Duration.ofSeconds(5));

    @Test
    void levelsRiseByTheStep() {
        assertThat(plan.rate(0)).isEqualTo(0.2);
        assertThat(plan.rate(2)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.length()).isEqualTo(Duration.ofSeconds(100));
    }

    @Test
    void theFeederHoldsEveryArrivalRampsIncluded() {
        // 30 s at 0.2, 0.4, 0.6 = 36; ramps 5 s at 0.3 and 0.5 average = 4
        assertThat(plan.arrivals()).isEqualTo(40);
    }

    @Test
    void aJourneyCountsInTheLevelItArrivedInAndRampsApart() {
        assertThat(plan.levelAt(Duration.ZERO)).isEqualTo(0);
        assertThat(plan.levelAt(Duration.ofMillis(29_999))).isEqualTo(0);
        assertThat(plan.levelAt(Duration.ofSeconds(30))).isEqualTo(-1);
        assertThat(plan.levelAt(Duration.ofSeconds(35))).isEqualTo(1);
        assertThat(plan.levelAt(Duration.ofSeconds(70))).isEqualTo(2);
        assertThat(plan.levelAt(Duration.ofSeconds(101))).as("the last arrival, late").isEqualTo(2);
    }

    @Test
    void aShareOfTheArrivalsKeepsTheLevelsAndScalesTheRates() {
        LoadPlan quarter = plan.share(0.25);
        assertThat(quarter.rate(2)).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(quarter.length()).isEqualTo(plan.length());
        assertThat(quarter.arrivals()).isEqualTo(10);
    }
}
