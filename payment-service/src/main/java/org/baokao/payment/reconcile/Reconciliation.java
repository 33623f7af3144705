package org.baokao.payment.reconcile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.baokao.events.payment.DiscrepancyFound;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.channel.PaymentChannel.BankTrade;
import org.baokao.payment.channel.PaymentChannels;
import org.baokao.payment.order.FeeOrder;
import org.baokao.payment.order.OrderRepository;
import org.baokao.payment.order.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PAY-6: a bank's statement of one day matched against what we recorded.
 * <ul>
 * <li>a payment at the bank we never heard of: confirmed with the bank's signed order query, then recorded like a
 * late notification (the enrollment completes, or the money goes back) and kept as a resolved
 * PAID_AT_BANK_NOT_HERE; unconfirmed or of an unknown order, it stays open for an operator;</li>
 * <li>a payment we recorded that the bank's statement lacks: PAID_HERE_NOT_AT_BANK;</li>
 * <li>the same trade with another amount: AMOUNT_MISMATCH.</li>
 * </ul>
 * Each discrepancy is stored once per kind and trade (re-importing finds nothing new) and announced with
 * DiscrepancyFound.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    public enum Source { SCHEDULED, OPERATOR, UPLOAD }

    public record Result(UUID importId, Channel channel, LocalDate date, int lines, int discrepancies,
            int settledFromStatement) {
    }

    private final PaymentChannels channels;
    private final OrderRepository orders;
    private final Orders orderService;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final ReconciliationMetrics metrics;
    private final Clock clock;

    Reconciliation(PaymentChannels channels, OrderRepository orders, Orders orderService, JdbcClient jdbc,
            TransactionTemplate transactions, Outbox outbox, ReconciliationMetrics metrics, Clock clock) {
        this.channels = channels;
        this.orders = orders;
        this.orderService = orderService;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Fetches the day's statement from the bank and reconciles it. */
    public Result importFromBank(Channel channel, LocalDate date, Source source) {
        return reconcile(channel, date, channels.of(channel).statement(date), source, null, null);
    }

    /** An operator's run (执行对账): the day's statement fetched from the bank, the run kept with who asked. */
    public Result importFromBank(Channel channel, LocalDate date, String operator, String operatorName) {
        return reconcile(channel, date, channels.of(channel).statement(date), Source.OPERATOR, operator, operatorName);
    }

    public Result reconcile(Channel channel, LocalDate date, String csv, Source source) {
        return reconcile(channel, date, csv, source, null, null);
    }

    public Result reconcile(Channel channel, LocalDate date, String csv, Source source, String operator,
            String operatorName) {
        List<StatementLine> lines = StatementLine.parse(csv);
        int found = 0;
        int settled = 0;
        Set<String> bankTrades = new HashSet<>();
        for (StatementLine line : lines.stream().filter(StatementLine::isPayment).toList()) {
            bankTrades.add(line.bankTradeNo());
            Optional<Recorded> recorded = recorded(channel, line.bankTradeNo());
            if (recorded.isPresent()) {
                if (recorded.get().amountFen() != line.amountFen()) {
                    found += discrepancy(channel, "AMOUNT_MISMATCH", line.bankTradeNo(), recorded.get().orderId(),
                            line.bankTradeNo(), line.amountFen(), recorded.get().amountFen(), date, null) ? 1 : 0;
                }
                continue;
            }
            UUID orderId = FeeOrder.idOfBankOrderNo(line.orderNo());
            Optional<FeeOrder> order = orderId == null ? Optional.empty()
                    : orders.find(orderId).filter(o -> o.channel() == channel);
            if (order.isEmpty()) {
                found += discrepancy(channel, "PAID_AT_BANK_NOT_HERE", line.bankTradeNo(), null, line.bankTradeNo(),
                        line.amountFen(), null, date, null) ? 1 : 0;
                continue;
            }
            if (line.amountFen() != order.get().amountFen()) {
                found += discrepancy(channel, "AMOUNT_MISMATCH", line.bankTradeNo(), order.get().id(),
                        line.bankTradeNo(), line.amountFen(), order.get().amountFen(), date, null) ? 1 : 0;
                continue;
            }
            String resolution = settleFromBank(channel, order.get(), line);
            if (resolution != null) {
                settled++;
            }
            found += discrepancy(channel, "PAID_AT_BANK_NOT_HERE", line.bankTradeNo(), order.get().id(),
                    line.bankTradeNo(), line.amountFen(), order.get().amountFen(), date, resolution) ? 1 : 0;
        }
        for (Recorded ours : recordedOn(channel, date)) {
            if (!bankTrades.contains(ours.bankTradeNo())) {
                found += discrepancy(channel, "PAID_HERE_NOT_AT_BANK", ours.bankTradeNo(), ours.orderId(),
                        ours.bankTradeNo(), ours.amountFen(), ours.orderAmountFen(), date, null) ? 1 : 0;
            }
        }
        UUID importId = UUID.randomUUID();
        jdbc.sql("""
                insert into statement_import (id, channel, statement_date, source, lines, discrepancies, imported_at,
                    operator, operator_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(importId, channel.name(), date, source.name(), lines.size(), found,
                        Timestamp.from(clock.instant()), operator, operatorName)
                .update();
        log.info("Reconciled {} {}: {} lines, {} new discrepancies, {} payments recorded from the statement", channel,
                date, lines.size(), found, settled);
        return new Result(importId, channel, date, lines.size(), found, settled);
    }

    /** The bank's signed query must confirm the payment before a statement line moves money here. */
    private String settleFromBank(Channel channel, FeeOrder order, StatementLine line) {
        BankTrade trade;
        try {
            trade = channels.of(channel).query(order.bankOrderNo());
        } catch (ChannelUnavailableException e) {
            log.warn("Reconciliation could not confirm {} at {}: {}", line.bankTradeNo(), channel, e.getMessage());
            return null;
        }
        if (!trade.paid() || !line.bankTradeNo().equals(trade.bankTradeNo())
                || trade.amountFen() == null || trade.amountFen() != line.amountFen()) {
            return null;
        }
        Orders.Outcome outcome = orderService.bankPaid(channel, order.bankOrderNo(), trade.bankTradeNo(),
                trade.amountFen(), trade.paidAt(), Orders.Source.RECONCILIATION);
        return switch (outcome) {
            case SETTLED -> "对账补记：银行已确认支付，订单已记为已缴费";
            case REFUNDING -> "对账补记：银行已确认支付，订单不可再缴费，已自动退款";
            case DUPLICATE -> "对账时已由其他途径记账";
            case UNKNOWN_ORDER -> null;
        };
    }

    private boolean discrepancy(Channel channel, String kind, String matchKey, UUID orderId, String bankTradeNo,
            long bankAmountFen, Long orderAmountFen, LocalDate date, String autoResolution) {
        Boolean stored = transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            var now = Timestamp.from(clock.instant());
            // a discrepancy reconciliation explains itself (e.g. a refund under way) is stored resolved
            DiscrepancyStatus initial = autoResolution == null ? DiscrepancyStatus.OPEN
                    : DiscrepancyStatus.OPEN.resolve();
            int inserted = jdbc.sql("""
                    insert into discrepancy (id, channel, kind, match_key, order_id, bank_trade_no, bank_amount_fen,
                        order_amount_fen, statement_date, status, found_at, resolved_at, resolved_by, resolution)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(id, channel.name(), kind, matchKey, orderId, bankTradeNo, bankAmountFen, orderAmountFen, date,
                            initial.name(), now, autoResolution == null ? null : now,
                            autoResolution == null ? null : "reconciliation", autoResolution)
                    .update();
            if (inserted == 1) {
                outbox.publish(new DiscrepancyFound(id, channel.name(), kind, orderId, bankTradeNo, bankAmountFen,
                        orderAmountFen, date));
            }
            return inserted == 1;
        });
        if (Boolean.TRUE.equals(stored)) {
            metrics.found(channel, kind, autoResolution == null);
        }
        return Boolean.TRUE.equals(stored);
    }

    private Optional<Recorded> recorded(Channel channel, String bankTradeNo) {
        return jdbc.sql("""
                select p.bank_trade_no, p.order_id, p.amount_fen, o.amount_fen as order_amount_fen
                from bank_payment p join fee_order o on o.id = p.order_id where p.channel = ? and p.bank_trade_no = ?""")
                .params(channel.name(), bankTradeNo).query(Reconciliation::recordedRow).optional();
    }

    /** Payments we recorded as paid on that bank day (Asia/Shanghai). */
    private List<Recorded> recordedOn(Channel channel, LocalDate date) {
        return jdbc.sql("""
                select p.bank_trade_no, p.order_id, p.amount_fen, o.amount_fen as order_amount_fen
                from bank_payment p join fee_order o on o.id = p.order_id
                where p.channel = ? and p.paid_at >= ? and p.paid_at < ?""")
                .params(channel.name(), Timestamp.from(date.atStartOfDay(BANK_ZONE).toInstant()),
                        Timestamp.from(date.plusDays(1).atStartOfDay(BANK_ZONE).toInstant()))
                .query(Reconciliation::recordedRow).list();
    }

    private static Recorded recordedRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Recorded(row.getString("bank_trade_no"), row.getObject("order_id", UUID.class),
                row.getLong("amount_fen"), row.getLong("order_amount_fen"));
    }

    private record Recorded(String bankTradeNo, UUID orderId, long amountFen, long orderAmountFen) {
    }
}
