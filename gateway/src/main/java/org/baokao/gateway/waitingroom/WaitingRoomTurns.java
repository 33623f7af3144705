package org.baokao.gateway.waitingroom;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Gives the instance's {@link WaitingRoom} its turn every {@code turn-interval}, while the application runs and
 * only if the room guards anything. A turn still running when the next is due makes the next one skip.
 * <p>
 * A fixed beat per instance rather than "whenever a status poll comes in": polls come faster the longer the line,
 * and each would admit again before the people let in a moment ago had added their load.
 */
final class WaitingRoomTurns implements SmartLifecycle {

    private final WaitingRoom room;
    private final Duration interval;
    private volatile Disposable beat;

    WaitingRoomTurns(WaitingRoom room, Duration interval) {
        this.room = room;
        this.interval = interval;
    }

    @Override
    public void start() {
        if (!room.isActive()) {
            return;
        }
        beat = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> room.takeTurn(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = beat;
        if (running != null) {
            running.dispose();
        }
        beat = null;
    }

    @Override
    public boolean isRunning() {
        return beat != null;
    }
}
