package org.baokao.payment.order;

import java.util.EnumMap;
import java.util.Map;

import org.baokao.payment.channel.Channel;
import org.baokao.payment.order.Orders.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The fee orders on registration day (OPS-1, issue 24), for the bureau's and finance's dashboards:
 * <ul>
 * <li>{@code baokao.orders{state}}: orders entering each state (created, pending = sent to the bank, paid, expired,
 * closed, refunded); counted when the change commits, so a rolled-back payment is not a paid order;</li>
 * <li>{@code baokao.payments{channel, result}}: payments a bank reported (notification, query or statement) by what
 * became of them: settled (the order is paid), refunding (the order could not take it), duplicate (already
 * recorded), unknown_order.</li>
 * </ul>
 * Every tag value is registered at zero at start, so a dashboard or an alert reads 0 rather than nothing before the
 * first one; the tags are enums (six states, three channels, four results), never an order or a candidate.
 */
@Component
public class OrderMetrics {

    private final Map<OrderStatus, Counter> entered = new EnumMap<>(OrderStatus.class);
    private final Map<Channel, Map<Outcome, Counter>> payments = new EnumMap<>(Channel.class);

    OrderMetrics(MeterRegistry meters) {
        for (OrderStatus state : OrderStatus.values()) {
            entered.put(state, Counter.builder("baokao.orders").description("fee orders entering each state")
                    .tag("state", state.name().toLowerCase()).register(meters));
        }
        for (Channel channel : Channel.values()) {
            Map<Outcome, Counter> byResult = new EnumMap<>(Outcome.class);
            for (Outcome result : Outcome.values()) {
                byResult.put(result, Counter.builder("baokao.payments")
                        .description("payments the banks reported, by what became of them")
                        .tag("channel", channel.name()).tag("result", result.name().toLowerCase()).register(meters));
            }
            payments.put(channel, byResult);
        }
    }

    /** An order entered {@code state}: counted once the transaction that wrote it commits (at once without one). */
    void entered(OrderStatus state) {
        Counter counter = entered.get(state);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** A bank reported a payment and this is what became of it; called after its transaction. */
    Outcome reported(Channel channel, Outcome result) {
        payments.get(channel).get(result).increment();
        return result;
    }
}
