package org.baokao.payment.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.baokao.payment.PaymentProperties;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.order.OrderRepository;
import org.baokao.payment.order.Orders;
import org.baokao.payment.refund.Refunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background work of PAY-5, every {@code baokao.payment.sweep-interval}: query pending orders the bank has not
 * told us about (a lost notification still completes the enrollment), expire the ones past 30 minutes after closing
 * them at the bank, and retry refunds the bank did not take yet. One bank failing skips its orders until next time.
 */
@Component
class OrderSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrderSweeper.class);
    private static final int BATCH = 100;

    private final OrderRepository repository;
    private final Orders orders;
    private final Refunds refunds;
    private final PaymentProperties properties;
    private final Clock clock;

    OrderSweeper(OrderRepository repository, Orders orders, Refunds refunds, PaymentProperties properties, Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.refunds = refunds;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${baokao.payment.sweep-interval:15s}", initialDelayString = "${baokao.payment.sweep-interval:15s}")
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
