package org.baokao.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionsTest {

    enum Door { OPEN, CLOSED, LOCKED, GONE }

    private final Transitions<Door> doors = Transitions.of(Door.class)
            .allow(Door.OPEN, Door.CLOSED)
            .allow(Door.CLOSED, Door.OPEN, Door.LOCKED)
            .allow(Door.LOCKED, Door.CLOSED);

    @Test
    void onlyTheListedChangesAreAllowed() {
        assertThat(doors.allows(Door.OPEN, Door.CLOSED)).isTrue();
        assertThat(doors.allows(Door.CLOSED, Door.LOCKED)).isTrue();
        assertThat(doors.allows(Door.OPEN, Door.LOCKED)).isFalse();
        assertThat(doors.allows(Door.LOCKED, Door.OPEN)).isFalse();
        assertThat(doors.allows(Door.OPEN, Door.OPEN)).isFalse();
    }

    @Test
    void aStateWithoutAnEntryIsFinal() {
        assertThat(doors.isFinal(Door.GONE)).isTrue();
        assertThat(doors.isFinal(Door.OPEN)).isFalse();
        assertThat(doors.from(Door.CLOSED)).containsExactlyInAnyOrder(Door.OPEN, Door.LOCKED);
    }

    @Test
    void allowingAddsToWhatWasAllowedAndLeavesTheOriginalTableAsItWas() {
        Transitions<Door> more = doors.allow(Door.OPEN, Door.GONE);
        assertThat(more.from(Door.OPEN)).containsExactlyInAnyOrder(Door.CLOSED, Door.GONE);
        assertThat(doors.from(Door.OPEN)).containsExactly(Door.CLOSED);
    }
}
