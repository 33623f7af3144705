package org.baokao.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

// GW-2: the room has space only when every guarded service has
class CapacitiesTest {

    private final Capacities capacities = new Capacities(Map.of("account", 10, "photo", 4));

    @Test
    void freeIsTheLeastRoomLeftOverTheGuardedRoutes() {
        Map<String, Integer> load = Map.of("account", 3, "photo", 2);
        assertThat(capacities.free(route -> load.getOrDefault(route, 0))).isEqualTo(2);
    }

    @Test
    void oneFullServiceLeavesNoRoom() {
        Map<String, Integer> load = Map.of("account", 0, "photo", 4);
        assertThat(capacities.free(route -> load.getOrDefault(route, 0))).isZero();
    }

    @Test
    void overCapacityIsNegative() {
        assertThat(capacities.free(route -> route.equals("photo") ? 7 : 0)).isEqualTo(-3);
    }

    @Test
    void aRouteWithoutCapacityIsNeverTheReasonAnyoneWaits() {
        assertThat(capacities.guards("payment")).isFalse();
        assertThat(capacities.free(route -> route.equals("payment") ? 1000 : 0)).isEqualTo(4);
        assertThat(Capacities.none().free(route -> 1000)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Capacities.none().isEmpty()).isTrue();
    }

    @Test
    void aCapacityBelowOneIsAMistake() {
        assertThatThrownBy(() -> new Capacities(Map.of("account", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("account");
    }
}
