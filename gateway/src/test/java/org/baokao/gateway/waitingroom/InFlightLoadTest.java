package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// GW-2: the load a turn judges by
class InFlightLoadTest {

    private static final long SECOND = 1_000_000_000L;
    private final InFlightLoad load = new InFlightLoad();

    @Test
    void countsTheRequestsInFlightPerRoute() {
        InFlightLoad.Started first = load.started("account", 0);
        load.started("account", 0);
        load.started("photo", 0);
        assertThat(load.current("account")).isEqualTo(2);
        assertThat(load.current("photo")).isEqualTo(1);
        assertThat(load.current("payment")).isZero();

        first.finished(10);
        assertThat(load.current("account")).isEqualTo(1);
    }

    @Test
    void aCallOnItsWayCountsAgainstEveryRouteUntilSettledOnce() {
        load.started("account", 0);
        InFlightLoad.Pending pending = load.pending();
        assertThat(load.committed("account")).isEqualTo(2);
        assertThat(load.committed("photo")).isEqualTo(1);

        pending.settle();
        pending.settle();
        assertThat(load.committed("account")).isEqualTo(1);
        assertThat(load.committed("photo")).isZero();
    }

    @Test
    void overAnIntervalShortRequestsCountByTheTimeTheyWereInFlight() {
        // four requests of half a second each within one second: two in flight on average, none at the end
        for (int i = 0; i < 4; i++) {
            load.started("account", 0).finished(SECOND / 2);
        }
        assertThat(load.current("account")).isZero();
        assertThat(load.overInterval("account", SECOND)).isEqualTo(2);
        // the interval starts again
        assertThat(load.overInterval("account", SECOND)).isZero();
    }

    @Test
    void overAnIntervalRequestsStillRunningCountAsTheyAre() {
        load.started("account", 0);
        load.started("account", 0);
        load.started("account", 0);
        assertThat(load.overInterval("account", SECOND)).isEqualTo(3);
    }

    @Test
    void longPollsOfTheCaptureSessionWaitByDesign() {
        assertThat(WaitsByDesign.waits("GET", "/api/photos/capture-sessions/3f2a", "waitMs=8000")).isTrue();
        assertThat(WaitsByDesign.waits("GET", "/api/photos/capture-sessions/3f2a", "x=1&waitMs=500")).isTrue();
        assertThat(WaitsByDesign.waits("GET", "/api/photos/capture-sessions/3f2a", "waitMs=0")).isFalse();
        assertThat(WaitsByDesign.waits("GET", "/api/photos/capture-sessions/3f2a", null)).isFalse();
        assertThat(WaitsByDesign.waits("POST", "/api/photos/capture-sessions", null)).isFalse();
        assertThat(WaitsByDesign.waits("GET", "/api/photos/3f2a/image", "waitMs=8000")).isFalse();
    }
}
