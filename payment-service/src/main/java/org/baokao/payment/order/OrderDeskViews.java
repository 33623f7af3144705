package org.baokao.payment.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.payment.desk.Money;

/**
 * What the Orders desk shows (OPS-3). payment-service holds no personal data: an order names its candidate and
 * enrollment by id only, so nothing here needs masking; the Candidates desk shows who they are.
 */
public final class OrderDeskViews {

    private OrderDeskViews() {
    }

    /** A row of the list: the order number is the one the bank knows (the id without dashes). */
    public record OrderRow(UUID id, String orderNo, String bureau, String kind, String kindName, String examCode,
            String examName, UUID enrollmentId, UUID candidateId, long amountFen, String amountYuan, String status,
            String statusName, String channel, String channelName, Instant createdAt, Instant paidAt,
            String bankTradeNo) {

        static OrderRow of(FeeOrder order) {
            return new OrderRow(order.id(), order.bankOrderNo(), order.bureau(), order.kind().name(),
                    order.kind().feeName(), order.examCode(), order.examName(), order.enrollmentId(),
                    order.candidateId(), order.amountFen(), Money.yuan(order.amountFen()), order.status().name(),
                    order.status().chineseName(), order.channel().name(), order.channel().chineseName(),
                    order.createdAt(), order.paidAt(), order.bankTradeNo());
        }
    }

    /**
     * One order in full: the row, its items, its payment window, its refunds and its bank history (oldest first),
     * and what the desk may do with it now ({@code canRequery}: it was sent to the bank; {@code canRefund}: paid).
     */
    public record OrderDetail(OrderRow order, List<FeeItem> items, String paymentWindow, Instant sentToBankAt,
            Instant expiresAt, Instant lapsesAt, Instant endedAt, List<RefundRow> refunds, List<HistoryEntry> history,
            boolean canRequery, boolean canRefund) {
    }

    /** A refund of one of the order's bank payments: automatic (PAY-5) or asked for by a finance officer. */
    public record RefundRow(UUID id, String bankTradeNo, long amountFen, String amountYuan, String reason,
            String reasonName, String status, String statusName, Instant createdAt, Instant refundedAt,
            String requestedByName, String note, int attempts, String lastError) {
    }

    /**
     * One thing recorded about the order and its bank, in time order: {@code kind} a stable code (CREATED,
     * SENT_TO_BANK, PAYMENT_NOTIFIED, PAYMENT_QUERIED, PAYMENT_RECONCILED, OPERATOR_QUERY, BACKGROUND_QUERY,
     * NOTIFICATION_REJECTED, REFUND_REQUESTED, REFUNDED, EXPIRED, CLOSED, DISCREPANCY), {@code title} and
     * {@code detail} in Chinese, {@code by} the operator's name where an operator did it.
     */
    public record HistoryEntry(Instant at, String kind, String title, String detail, String by) {
    }

    /** An exam the bureau has orders of, for the exam filter. */
    public record ExamOption(String code, String name) {
    }
}
