package org.baokao.jobs;

import java.util.function.Supplier;

import org.springframework.context.SmartLifecycle;

import com.github.kagkarlsson.scheduler.Scheduler;

/** Starts a scheduler when the service starts (if this instance runs jobs) and stops it when the service stops. */
final class JobRunner implements SmartLifecycle {

    private final Supplier<Scheduler> schedulers;
    private final boolean enabled;
    private Scheduler running;

    JobRunner(Supplier<Scheduler> schedulers, boolean enabled) {
        this.schedulers = schedulers;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (enabled && running == null) {
            running = schedulers.get();
            running.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
