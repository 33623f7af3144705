package org.baokao.payment.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.domain.operator.AuditReason;
import org.baokao.domain.operator.Operator;
import org.baokao.domain.operator.OperatorRole;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.desk.DeskPage;
import org.baokao.payment.desk.Money;
import org.baokao.payment.desk.Paging;
import org.baokao.payment.order.OrderDeskViews.ExamOption;
import org.baokao.payment.order.OrderDeskViews.OrderDetail;
import org.baokao.payment.order.OrderDeskViews.OrderRow;
import org.baokao.payment.order.OrderDeskViews.RefundRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Orders desk (订单管理, OPS-3): a bureau's orders for its finance officers, administrators and auditors. Every
 * use case checks the desk's roles first and answers another bureau's order as absent (404 {@code ORDER_NOT_FOUND},
 * as an unknown one). Read: finance, bureau-admin, auditor. 重新查询银行: finance, bureau-admin. 退款: finance only,
 * with a reason, audited in the transaction that refunds.
 */
@Service
public class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    static final OperatorRole[] READERS = { OperatorRole.FINANCE, OperatorRole.BUREAU_ADMIN, OperatorRole.AUDITOR };
    static final OperatorRole[] QUERIERS = { OperatorRole.FINANCE, OperatorRole.BUREAU_ADMIN };

    private final OrderRepository orders;
    private final Orders orderService;
    private final OrderHistory history;
    private final OrderRefunds refunds;
    private final OperatorAudit audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderDesk(OrderRepository orders, Orders orderService, OrderHistory history, OrderRefunds refunds,
            OperatorAudit audit, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.orderService = orderService;
        this.history = history;
        this.refunds = refunds;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The bureau's orders matching the filter, newest first, one page. */
    public DeskPage<OrderRow> list(Operator operator, OrderFilter filter, Paging paging) {
        operator.require(READERS);
        StringBuilder where = new StringBuilder(" where bureau = :bureau");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bureau", operator.bureau());
        if (filter.examCode() != null) {
            where.append(" and exam_code = :exam");
            params.put("exam", filter.examCode());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.createdFrom() != null) {
            where.append(" and created_at >= :from");
            params.put("from", Timestamp.from(filter.createdFrom().atStartOfDay(OrderFilter.BEIJING).toInstant()));
        }
        if (filter.createdTo() != null) {
            where.append(" and created_at < :to");
            params.put("to", Timestamp.from(filter.createdTo().plusDays(1).atStartOfDay(OrderFilter.BEIJING)
                    .toInstant()));
        }
        if (filter.bankTradeNo() != null) {
            where.append(filter.orderNoPrefix() != null
                    ? " and (replace(id::text, '-', '') like :prefix or bank_trade_no = :trade)"
                    : " and bank_trade_no = :trade");
            params.put("trade", filter.bankTradeNo());
            if (filter.orderNoPrefix() != null) {
                params.put("prefix", filter.orderNoPrefix() + "%");
            }
        }
        if (filter.candidateId() != null) {
            where.append(" and candidate_id = :candidate");
            params.put("candidate", filter.candidateId());
        }
        long total = jdbc.sql("select count(*) from fee_order" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<OrderRow> rows = jdbc.sql("select * from fee_order" + where
                + " order by created_at desc, id limit :limit offset :offset").params(params)
                .query(OrderRepository::map).list().stream().map(OrderRow::of).toList();
        return new DeskPage<>(rows, total, paging.page(), paging.size());
    }

    /** The exams the bureau has orders of, for the exam filter. */
    public List<ExamOption> exams(Operator operator) {
        operator.require(READERS);
        return jdbc.sql("""
                select exam_code, max(exam_name) as exam_name from fee_order where bureau = ?
                group by exam_code order by exam_code""").param(operator.bureau())
                .query((row, n) -> new ExamOption(row.getString("exam_code"), row.getString("exam_name"))).list();
    }

    public OrderDetail detail(Operator operator, UUID orderId) {
        operator.require(READERS);
        return detailOf(ofBureau(operator, orderId));
    }

    /**
     * 重新查询银行: asks the order's bank now, the background query's way; a payment it reports is recorded like a
     * notification (the order paid, or the money sent back), once whatever told us first. The answer is kept in the
     * order's history and audited ({@code order.requery}) with what came of it. Refused for an order never sent to
     * the bank (the bank has nothing to say); a bank that does not answer: 503, nothing recorded.
     */
    public OrderDetail requery(Operator operator, UUID orderId) {
        operator.require(QUERIERS);
        FeeOrder order = ofBureau(operator, orderId);
        if (order.sentToBankAt() == null) {
            throw Refusal.conflict("ORDER_NOT_AT_BANK", "该订单尚未提交银行（考生未去缴费），银行没有此订单");
        }
        Orders.BankAnswer answer;
        try {
            answer = orderService.queryAtBank(order);
        } catch (ChannelUnavailableException e) {
            log.warn("Operator {} could not query order {} at {}: {}", operator.subject(), orderId, order.channel(),
                    e.getMessage());
            throw Refusal.unavailable("CHANNEL_UNAVAILABLE", order.channel().chineseName() + "暂时无法查询，请稍后再试");
        }
        transactions.executeWithoutResult(status -> {
            // at the time kept as the order's last query, so the history shows this query once, as the operator's
            history.operatorQueried(orderId, answer.queriedAt(), operator.subject(), operator.name(), answer);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("channel", order.channel().name());
            details.put("tradeStatus", answer.trade().tradeStatus());
            if (answer.outcome() != null) {
                details.put("outcome", answer.outcome().name());
            }
            audit.record(operator, "order.requery", "order", orderId.toString(), labelOf(order), null, details);
        });
        log.info("Operator {} queried order {} at {}: {} {}", operator.subject(), orderId, order.channel(),
                answer.trade().tradeStatus(), answer.outcome());
        return detailOf(orders.find(orderId).orElseThrow());
    }

    /**
     * 退款 (finance only): the paid order becomes REFUNDED and its payment is refunded through the channel's refund,
     * with the reason typed, audited ({@code order.refund}) in the same transaction. The bank refund happens after
     * the commit (idempotent by refund number; a bank that is down is retried by the sweeper) and its success
     * publishes PaymentRefunded, which takes the enrollment back to unpaid (enrollment-service). Asked again, the
     * refunded order is answered as it is: one refund, one audit row.
     */
    public OrderDetail refund(Operator operator, UUID orderId, String typedReason) {
        operator.require(OperatorRole.FINANCE);
        String reason = AuditReason.require(typedReason);
        UUID refundId = transactions.execute(status -> {
            FeeOrder order = orders.lock(orderId).filter(o -> o.bureau().equals(operator.bureau()))
                    .orElseThrow(Orders::notFound);
            if (order.status() == OrderStatus.REFUNDED) {
                return null;
            }
            if (order.status() != OrderStatus.PAID) {
                throw Refusal.conflict("ORDER_NOT_REFUNDABLE",
                        "只有已缴费的订单可以退款，该订单状态为「" + order.status().chineseName() + "」");
            }
            Instant now = clock.instant();
            order.refundedByOperator(now);
            orders.update(order);
            UUID id = refunds.requestByOperator(order, order.bankTradeNo(), order.amountFen(), operator.subject(),
                    operator.name(), reason);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("amountFen", Long.toString(order.amountFen()));
            details.put("channel", order.channel().name());
            details.put("bankTradeNo", order.bankTradeNo());
            details.put("refundId", id.toString());
            audit.record(operator, "order.refund", "order", orderId.toString(), labelOf(order), reason, details);
            log.info("Operator {} refunds order {} ({} fen): refund {}", operator.subject(), orderId,
                    order.amountFen(), id);
            return id;
        });
        if (refundId != null) {
            refunds.process(refundId);
        }
        return detailOf(orders.find(orderId).orElseThrow());
    }

    private FeeOrder ofBureau(Operator operator, UUID orderId) {
        return orders.find(orderId).filter(o -> o.bureau().equals(operator.bureau())).orElseThrow(Orders::notFound);
    }

    private OrderDetail detailOf(FeeOrder order) {
        List<RefundRow> refundRows = history.refundsOf(order.id());
        return new OrderDetail(OrderRow.of(order), new ArrayList<>(order.items()), order.window().describe(),
                order.sentToBankAt(), order.expiresAt(), order.lapsesAt(), order.endedAt(), refundRows,
                history.of(order, refundRows), order.sentToBankAt() != null, order.status() == OrderStatus.PAID);
    }

    /** The order as the audit trail names it: number, fee and amount, no person. */
    private static String labelOf(FeeOrder order) {
        return "订单 " + order.bankOrderNo() + "（" + (order.examName() != null ? order.examName() : order.examCode())
                + " " + order.kind().feeName() + " " + Money.yuan(order.amountFen()) + " 元）";
    }
}
