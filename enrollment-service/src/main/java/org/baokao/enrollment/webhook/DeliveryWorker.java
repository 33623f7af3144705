package org.baokao.enrollment.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.baokao.enrollment.webhook.DeliveryStore.Attempt;
import org.baokao.enrollment.webhook.DeliveryStore.Claimed;
import org.baokao.personaldata.PersonalDataProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries (API-2) while the service runs: one loop claims a batch ({@link DeliveryStore#claimDue}, safe
 * with several instances: {@code for update skip locked} and a lease), each claimed delivery is sent on its own
 * virtual thread (a slow partner holds up no other), at most {@code concurrency} at once, and its outcome recorded
 * under the lease: delivered, retried after the schedule's next delay, or dead after the last try. The loop looks
 * again every {@code poll-interval}, at once when a fan-out or a redelivery commits ({@link #wake}), and at once
 * after a full batch. A delivery claimed by an instance that then stops is sent by whichever instance finds it after
 * its lease.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final PersonalDataProtector sealer;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService sending;
    private Semaphore slots;

    DeliveryWorker(DeliveryStore deliveries, PersonalDataProtector sealer, WebhookProperties properties,
            WebhookMetrics metrics, Clock clock) {
        this.deliveries = deliveries;
        this.sender = new WebhookSender(properties, clock);
        this.sealer = sealer;
        this.properties = properties;
        this.schedule = properties.retrySchedule();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Something became due (a fan-out or a redelivery committed): look now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.workerEnabled() || running) {
            return;
        }
        running = true;
        slots = new Semaphore(properties.concurrency());
        sending = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofPlatform().name("webhook-deliveries").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        loop.interrupt();
        sending.shutdownNow();
        try {
            loop.join(5_000);
            sending.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int claimed = claimAndSend();
                if (claimed < properties.batchSize()) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database away for a moment: look again at the next poll
                log.warn("Webhook deliveries: could not claim due deliveries ({}); trying again", e.toString());
                try {
                    Thread.sleep(properties.pollInterval());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private int claimAndSend() throws InterruptedException {
        // wait for a free slot first: never claim more than this instance can start sending now
        slots.acquire();
        int free = 1 + slots.drainPermits();
        List<Claimed> batch;
        try {
            Instant now = clock.instant();
            batch = deliveries.claimDue(now, now.plus(properties.lease()), Math.min(free, properties.batchSize()));
        } catch (RuntimeException e) {
            slots.release(free);
            throw e;
        }
        slots.release(free - batch.size());
        for (Claimed delivery : batch) {
            sending.execute(() -> {
                try {
                    attempt(delivery);
                } finally {
                    slots.release();
                    // a finished delivery may free the next one of its candidate
                    wake();
                }
            });
        }
        return batch.size();
    }

    private void attempt(Claimed delivery) {
        Attempt attempt;
        try {
            attempt = sender.send(delivery, secrets(delivery));
        } catch (InterruptedException stopping) {
            // not counted: the lease runs out and an instance sends it again
            return;
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be sent: {}", delivery.id(), e.toString());
            attempt = new Attempt(clock.instant(), null, "发送失败（" + e.getClass().getSimpleName() + "）", 0, false);
        }
        try {
            record(delivery, attempt);
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is tried again: duplicates, never loss
            log.warn("Webhook delivery {}: outcome not recorded ({})", delivery.id(), e.toString());
        }
    }

    private void record(Claimed delivery, Attempt attempt) {
        if (attempt.succeeded()) {
            if (deliveries.record(delivery, attempt, DeliveryStatus.DELIVERED, null)) {
                metrics.delivered();
            }
            return;
        }
        var wait = schedule.afterFailures(delivery.failuresInRow() + 1);
        if (wait.isPresent()) {
            // the wait counts from the failure's end: a try that timed out after 10 s is not retried at once
            if (deliveries.record(delivery, attempt, DeliveryStatus.PENDING, clock.instant().plus(wait.get()))) {
                metrics.failed();
            }
        } else if (deliveries.record(delivery, attempt, DeliveryStatus.DEAD, null)) {
            metrics.dead();
            log.info("Webhook delivery {} ({} of event {}) is dead after {} tries: {}", delivery.id(),
                    delivery.eventType(), delivery.eventId(), schedule.tries(), attempt.error());
        }
    }

    private List<String> secrets(Claimed delivery) {
        boolean rotating = delivery.previousSecret() != null;
        return new SigningSecrets(sealer.open(delivery.secret()),
                rotating ? sealer.open(delivery.previousSecret()) : null, rotating ? delivery.previousUntil() : null)
                .signingAt(clock.instant());
    }

    private void awaitWork() throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(Math.max(1, properties.pollInterval().toMillis()));
            }
            woken = false;
        }
    }
}
