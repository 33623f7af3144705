package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// GW-2: the load a turn judges by
class InFlightLoadTest {

    private final InFlightLoad load = new InFlightLoad();

    @Test
    void countsTheRequestsInFlightPerRoute() {
        InFlightLoad.Started first = load.started("account");
        load.started("account");
        load.started("photo");
        assertThat(load.current("account")).isEqualTo(2);
        assertThat(load.current("photo")).isEqualTo(1);
        assertThat(load.current("payment")).isZero();

        first.finished();
        assertThat(load.current("account")).isEqualTo(1);
    }

    @Test
    void aCallOnItsWayCountsAgainstEveryRouteUntilSettledOnce() {
        load.started("account");
        InFlightLoad.Pending pending = load.pending();
        assertThat(load.committed("account")).isEqualTo(2);
        assertThat(load.committed("photo")).isEqualTo(1);

        pending.settle();
        pending.settle();
        assertThat(load.committed("account")).isEqualTo(1);
        assertThat(load.committed("photo")).isZero();
    }

    @Test
    void overAnIntervalTheLoadIsTheMostInFlightAtOnceEvenIfAllAreOverNow() {
        // three at once a moment ago, none now: a glance would say idle
        InFlightLoad.Started a = load.started("account");
        InFlightLoad.Started b = load.started("account");
        InFlightLoad.Started c = load.started("account");
        a.finished();
        b.finished();
        c.finished();
        load.started("account").finished();
        assertThat(load.current("account")).isZero();
        assertThat(load.overInterval("account")).isEqualTo(3);
        // the next interval starts from what is in flight now
        assertThat(load.overInterval("account")).isZero();
    }

    @Test
    void overAnIntervalRequestsStillRunningCountAsTheyAre() {
        load.started("account");
        load.started("account");
        assertThat(load.overInterval("account")).isEqualTo(2);
        assertThat(load.overInterval("account")).isEqualTo(2);
        assertThat(load.overInterval("payment")).isZero();
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
