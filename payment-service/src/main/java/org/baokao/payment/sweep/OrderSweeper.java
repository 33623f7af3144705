package org.baokao.payment.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.baokao.payment.PaymentProperties;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.order.OrderRepository;
import org.baokao.payment.order.Orders;
import org.baokao.payment.refund.Refunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The background work of PAY-5, every {@code baokao.payment.sweep-interval}: query pending orders the bank has not
 * told us about (a lost notification still completes the enrollment), expire the ones past 30 minutes after closing
 * them at the bank, and retry refunds the bank did not take yet. One bank failing skips its orders until next time.
 * A recurring job on the service's job queue (libs/jobs): one row for the platform, so with two instances a sweep
 * runs on one of them at a time, never on both (issue 23 §3: no bank order queried or refunded twice at once).
 */
@Component
class OrderSweeper extends RecurringTask<Void> {

    static final String TASK = "order-sweep";

    private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);
    private static final int BATCH = 100;

    private final OrderRepository repository;
    private final Orders orders;
    private final Refunds refunds;
    private final PaymentProperties properties;
    private final Clock clock;

    OrderSweeper(OrderRepository repository, Orders orders, Refunds refunds, PaymentProperties properties, Clock clock,
            @Value("${baokao.payment.sweep-interval:15s}") Duration interval) {
        super(TASK, Schedules.fixedDelay(interval), Void.class);
        this.repository = repository;
        this.orders = orders;
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> job, ExecutionContext context) {
        sweep();
    }

    void sweep() {
        Instant now = clock.instant();
        for (UUID id : repository.toQuery(now.minus(properties.queryAfter()), now.minus(properties.queryAfter()), BATCH)) {
            guarded("query", id, () -> repository.find(id).ifPresent(orders::query));
        }
        for (UUID id : repository.due(now, BATCH)) {
            guarded("expire", id, () -> orders.expireIfDue(id));
        }
        for (UUID id : refunds.pending(BATCH)) {
            guarded("refund", id, () -> refunds.process(id));
        }
    }

    private static void guarded(String what, UUID id, Runnable work) {
        try {
            work.run();
        } catch (ChannelUnavailableException e) {
            log.warn("Sweep {} of {} skipped: {}", what, id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sweep {} of {} failed", what, id, e);
        }
    }
}
