package org.baokao.payment.refund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.payment.PaymentRefunded;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.channel.PaymentChannels;
import org.baokao.payment.order.FeeOrder;
import org.baokao.payment.order.OrderRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Automatic refunds (PAY-5): a payment that landed on an expired, closed or already-paid order is recorded as a
 * PENDING refund in the same transaction that recorded the payment, then refunded at the bank (idempotent by refund
 * number = refund id) outside any transaction, and marked SUCCEEDED with PaymentRefunded. A bank that is down
 * leaves it PENDING; the sweeper tries again. Never lost, never twice.
 */
@Component
public class Refunds implements OrderRefunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final JdbcClient jdbc;
    private final PaymentChannels channels;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    Refunds(JdbcClient jdbc, PaymentChannels channels, TransactionTemplate transactions, Outbox outbox, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        // at zero from the start: finance's refund panel reads 0 rather than nothing until the first refund
        meters.counter("baokao.payment.refunds", "reason", OPERATOR_REFUND);
    }

    @Override
    public UUID request(FeeOrder order, String bankTradeNo, long amountFen, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into refund (id, order_id, channel, bank_trade_no, amount_fen, reason, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, order.id(), order.channel().name(), bankTradeNo, amountFen, reason,
                        RefundStatus.PENDING.name(), Timestamp.from(clock.instant()))
                .update();
        log.info("Refund {} of {} fen due on order {} ({})", id, amountFen, order.id(), reason);
        meters.counter("baokao.payment.refunds", "reason", reason).increment();
        return id;
    }

    @Override
    public UUID requestByOperator(FeeOrder order, String bankTradeNo, long amountFen, String operator,
            String operatorName, String note) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into refund (id, order_id, channel, bank_trade_no, amount_fen, reason, status, created_at,
                    requested_by, requested_by_name, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (channel, bank_trade_no) do nothing""")
                .params(id, order.id(), order.channel().name(), bankTradeNo, amountFen, OPERATOR_REFUND,
                        RefundStatus.PENDING.name(), Timestamp.from(clock.instant()), operator, operatorName, note)
                .update();
        if (inserted == 0) {
            return jdbc.sql("select id from refund where channel = ? and bank_trade_no = ?")
                    .params(order.channel().name(), bankTradeNo).query(UUID.class).single();
        }
        log.info("Refund {} of {} fen on order {} asked for by operator {}", id, amountFen, order.id(), operator);
        meters.counter("baokao.payment.refunds", "reason", OPERATOR_REFUND).increment();
        return id;
    }

    /** Refunds at the bank and records it; false when the bank could not be reached or refused (retried later). */
    @Override
    public boolean process(UUID refundId) {
        Pending refund = jdbc.sql("""
                select r.id, r.order_id, r.channel, r.amount_fen, r.reason, o.enrollment_id, o.candidate_id
                from refund r join fee_order o on o.id = r.order_id where r.id = ? and r.status = ?""")
                .params(refundId, RefundStatus.PENDING.name())
                .query((row, n) -> new Pending(row.getObject("id", UUID.class), row.getObject("order_id", UUID.class),
                        Channel.valueOf(row.getString("channel")), row.getLong("amount_fen"), row.getString("reason"),
                        row.getObject("enrollment_id", UUID.class), row.getObject("candidate_id", UUID.class)))
                .optional().orElse(null);
        if (refund == null) {
            return true;
        }
        boolean refunded;
        String error = null;
        try {
            refunded = channels.of(refund.channel()).refund(FeeOrder.bankOrderNo(refund.orderId()),
                    refund.id().toString().replace("-", ""), refund.amountFen());
            if (!refunded) {
                error = "银行拒绝退款";
            }
        } catch (ChannelUnavailableException e) {
            refunded = false;
            error = e.getMessage();
        }
        if (!refunded) {
            String lastError = error.length() > 300 ? error.substring(0, 300) : error;
            jdbc.sql("update refund set attempts = attempts + 1, last_error = ? where id = ?").params(lastError, refundId)
                    .update();
            log.warn("Refund {} not done yet: {}", refundId, lastError);
            return false;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            int marked = jdbc.sql("""
                    update refund set status = ?, refunded_at = ?, attempts = attempts + 1
                    where id = ? and status = ?""")
                    .params(RefundStatus.SUCCEEDED.name(), Timestamp.from(now), refundId, RefundStatus.PENDING.name())
                    .update();
            if (marked == 1) {
                outbox.publish(new PaymentRefunded(refund.id(), refund.orderId(), refund.enrollmentId(),
                        refund.candidateId(), refund.amountFen(), refund.reason(), now));
            }
        });
        log.info("Refund {} of {} fen on order {} done", refundId, refund.amountFen(), refund.orderId());
        return true;
    }

    public List<UUID> pending(int limit) {
        return jdbc.sql("select id from refund where status = ? order by created_at limit ?")
                .params(RefundStatus.PENDING.name(), limit)
                .query(UUID.class).list();
    }

    private record Pending(UUID id, UUID orderId, Channel channel, long amountFen, String reason, UUID enrollmentId,
            UUID candidateId) {
    }
}
