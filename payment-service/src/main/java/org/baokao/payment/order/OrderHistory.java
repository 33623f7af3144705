package org.baokao.payment.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.baokao.payment.desk.Money;
import org.baokao.payment.order.OrderDeskViews.HistoryEntry;
import org.baokao.payment.order.OrderDeskViews.RefundRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An order's bank history (OPS-3) as payment-service recorded it, put together from where each fact is kept: the
 * order (created, sent to the bank, expired or closed, the last background query), every payment a bank reported
 * ({@code bank_payment}, by notification, query or statement), notifications refused for its number, operators'
 * queries ({@code order_query}), refunds, and reconciliation's discrepancies about it.
 */
@Repository
class OrderHistory {

    private final JdbcClient jdbc;

    OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HistoryEntry> of(FeeOrder order, List<RefundRow> refunds) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(order.createdAt(), "CREATED", "订单创建",
                order.kind().feeName() + " " + Money.yuan(order.amountFen()) + " 元，支付渠道 "
                        + order.channel().chineseName(), null));
        if (order.sentToBankAt() != null) {
            history.add(new HistoryEntry(order.sentToBankAt(), "SENT_TO_BANK", "提交银行（考生去缴费）",
                    "银行订单号 " + order.bankOrderNo(), null));
        }
        history.addAll(jdbc.sql("""
                select bank_trade_no, amount_fen, paid_at, source, outcome, recorded_at from bank_payment
                where order_id = ?""").param(order.id()).query(OrderHistory::payment).list());
        history.addAll(jdbc.sql("""
                select reason, received_at from rejected_notification where order_no = ?""")
                .param(order.bankOrderNo()).query((row, n) -> new HistoryEntry(
                        row.getTimestamp("received_at").toInstant(), "NOTIFICATION_REJECTED", "拒收银行通知",
                        "原因：" + rejection(row.getString("reason")), null))
                .list());
        history.addAll(jdbc.sql("""
                select queried_at, operator_name, operator, trade_status, bank_trade_no, amount_fen, outcome
                from order_query where order_id = ?""").param(order.id()).query(OrderHistory::operatorQuery).list());
        jdbc.sql("select last_queried_at from fee_order where id = ? and last_queried_at is not null")
                .param(order.id()).query((row, n) -> row.getTimestamp(1).toInstant()).optional()
                .filter(at -> history.stream().noneMatch(e -> e.kind().equals("OPERATOR_QUERY") && e.at().equals(at)))
                .ifPresent(at -> history.add(new HistoryEntry(at, "BACKGROUND_QUERY", "后台查询银行（最近一次）",
                        "订单支付中时每分钟向银行查询一次", null)));
        for (RefundRow refund : refunds) {
            history.add(new HistoryEntry(refund.createdAt(), "REFUND_REQUESTED", "申请退款",
                    refund.reasonName() + "，" + refund.amountYuan() + " 元"
                            + (refund.note() != null ? "，原因：" + refund.note() : "")
                            + (refund.lastError() != null && refund.refundedAt() == null
                                    ? "；银行尚未退款（" + refund.lastError() + "），系统将自动重试" : ""),
                    refund.requestedByName()));
            if (refund.refundedAt() != null) {
                history.add(new HistoryEntry(refund.refundedAt(), "REFUNDED", "银行已退款",
                        "退款 " + refund.amountYuan() + " 元，流水号 " + refund.bankTradeNo(), null));
            }
        }
        if (order.endedAt() != null && (order.status() == OrderStatus.EXPIRED || order.status() == OrderStatus.CLOSED)) {
            history.add(order.status() == OrderStatus.EXPIRED
                    ? new HistoryEntry(order.endedAt(), "EXPIRED", "订单过期", "超过30分钟未支付，已在银行关闭", null)
                    : new HistoryEntry(order.endedAt(), "CLOSED", "订单关闭", "该报名已由其他订单缴费，或课程报考已截止", null));
        }
        history.addAll(jdbc.sql("""
                select kind, status, found_at, statement_date, resolution from discrepancy where order_id = ?""")
                .param(order.id()).query((row, n) -> new HistoryEntry(row.getTimestamp("found_at").toInstant(),
                        "DISCREPANCY", "对账差异",
                        discrepancyKind(row.getString("kind")) + "（" + row.getObject("statement_date") + " 对账单），"
                                + ("OPEN".equals(row.getString("status")) ? "待处理"
                                        : "已处理：" + row.getString("resolution")),
                        null))
                .list());
        history.sort(Comparator.comparing(HistoryEntry::at));
        return history;
    }

    List<RefundRow> refundsOf(UUID orderId) {
        return jdbc.sql("""
                select id, bank_trade_no, amount_fen, reason, status, created_at, refunded_at, requested_by_name,
                    requested_by, note, attempts, last_error
                from refund where order_id = ? order by created_at""").param(orderId)
                .query((row, n) -> new RefundRow(row.getObject("id", UUID.class), row.getString("bank_trade_no"),
                        row.getLong("amount_fen"), Money.yuan(row.getLong("amount_fen")), row.getString("reason"),
                        refundReason(row.getString("reason")), row.getString("status"),
                        "SUCCEEDED".equals(row.getString("status")) ? "已退款" : "退款中",
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("refunded_at") == null ? null : row.getTimestamp("refunded_at").toInstant(),
                        row.getString("requested_by_name") != null ? row.getString("requested_by_name")
                                : row.getString("requested_by"),
                        row.getString("note"), row.getInt("attempts"), row.getString("last_error")))
                .list();
    }

    void operatorQueried(UUID orderId, java.time.Instant at, String operator, String operatorName,
            Orders.BankAnswer answer) {
        jdbc.sql("""
                insert into order_query (id, order_id, queried_at, operator, operator_name, trade_status, bank_trade_no,
                    amount_fen, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), orderId, java.sql.Timestamp.from(at), operator, operatorName,
                        answer.trade().tradeStatus(), answer.trade().bankTradeNo(), answer.trade().amountFen(),
                        answer.outcome() == null ? null : answer.outcome().name())
                .update();
    }

    private static HistoryEntry payment(ResultSet row, int n) throws SQLException {
        String source = row.getString("source");
        String kind = switch (source) {
            case "NOTIFICATION" -> "PAYMENT_NOTIFIED";
            case "QUERY" -> "PAYMENT_QUERIED";
            default -> "PAYMENT_RECONCILED";
        };
        String title = switch (source) {
            case "NOTIFICATION" -> "收到银行支付通知";
            case "QUERY" -> "查询银行得知已支付";
            default -> "对账单补记支付";
        };
        long fen = row.getLong("amount_fen");
        String outcome = "SETTLED".equals(row.getString("outcome")) ? "订单记为已缴费" : "该笔款项退回考生";
        return new HistoryEntry(row.getTimestamp("recorded_at").toInstant(), kind, title,
                "银行流水号 " + row.getString("bank_trade_no") + "，" + Money.yuan(fen) + " 元，银行支付时间 "
                        + beijing(row.getTimestamp("paid_at").toInstant()) + "；" + outcome,
                null);
    }

    private static HistoryEntry operatorQuery(ResultSet row, int n) throws SQLException {
        String status = row.getString("trade_status");
        String answer = switch (status) {
            case "SUCCESS" -> "银行：已支付（流水号 " + row.getString("bank_trade_no") + "，"
                    + Money.yuan((Long) row.getObject("amount_fen")) + " 元）";
            case "WAITING" -> "银行：等待支付";
            case "CLOSED" -> "银行：订单已关闭";
            case "NOT_FOUND" -> "银行：无此订单（考生未去缴费）";
            default -> "银行：" + status;
        };
        String outcome = row.getString("outcome");
        if (outcome != null) {
            answer += switch (outcome) {
                case "SETTLED" -> "；已据此记为已缴费";
                case "REFUNDING" -> "；该笔款项不能入账，已自动退款";
                case "DUPLICATE" -> "；此前已记账";
                default -> "";
            };
        }
        String by = row.getString("operator_name") != null ? row.getString("operator_name") : row.getString("operator");
        return new HistoryEntry(row.getTimestamp("queried_at").toInstant(), "OPERATOR_QUERY", "工作人员查询银行", answer,
                by);
    }

    private static final java.time.format.DateTimeFormatter BEIJING = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(OrderFilter.BEIJING);

    /** A bank time inside a Chinese sentence: Beijing time, as the bank and the candidate read it. */
    private static String beijing(java.time.Instant at) {
        return BEIJING.format(at) + "（北京时间）";
    }

    static String refundReason(String reason) {
        return switch (reason) {
            case OrderRefunds.OPERATOR_REFUND -> "工作人员退款";
            case "ORDER_EXPIRED" -> "订单过期后到账，自动退款";
            case "ORDER_CLOSED" -> "订单关闭后到账，自动退款";
            case "ORDER_ALREADY_PAID" -> "重复支付，自动退款";
            case "AMOUNT_MISMATCH" -> "金额不符，自动退款";
            case "ENROLLMENT_ALREADY_PAID" -> "报名已由其他订单缴费，自动退款";
            case "ORDER_LAPSED" -> "课程报考截止后到账，自动退款";
            default -> reason;
        };
    }

    private static String rejection(String reason) {
        return switch (reason) {
            case "INVALID_SIGNATURE" -> "签名验证失败";
            case "NOT_A_PAYMENT" -> "不是支付成功通知";
            case "MALFORMED" -> "通知内容无法读取";
            case "UNKNOWN_ORDER" -> "订单不存在";
            default -> reason;
        };
    }

    private static String discrepancyKind(String kind) {
        return switch (kind) {
            case "PAID_AT_BANK_NOT_HERE" -> "银行已收款，平台未记账";
            case "PAID_HERE_NOT_AT_BANK" -> "平台已记账，银行无此收款";
            case "AMOUNT_MISMATCH" -> "金额不一致";
            default -> kind;
        };
    }
}
