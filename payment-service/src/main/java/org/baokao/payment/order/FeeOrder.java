package org.baokao.payment.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.events.payment.OrderCreated;
import org.baokao.events.payment.OrderExpired;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.channel.Channel;

/**
 * A fee order (PAY-1): what a confirmed enrollment owes, itemised in fen, payable through one channel inside the
 * payment window. Plain Java: the state machine ({@link OrderStatus}) and the rule for money the bank reports
 * ({@link #bankPaid}); transactions, locks and the bank calls are around it in {@link Orders}.
 */
@DomainModel
public final class FeeOrder {

    /** What to do with a payment the bank reported for this order. */
    public sealed interface Settlement {
    }

    /** The order is paid by it: the enrollment completes. */
    public record Settled(PaymentSucceeded event) implements Settlement {
    }

    /** The money must go back (PAY-5): the order was not payable any more, or the amount is wrong. */
    public record MustRefund(String reason) implements Settlement {
    }

    private final UUID id;
    private final String bureau;
    private final UUID enrollmentId;
    private final UUID candidateId;
    private final String examCode;
    private final String examName;
    private final String regionCode;
    private final Channel channel;
    private final List<FeeItem> items;
    private final long amountFen;
    private final Instant createdAt;
    private final PaymentWindow window;
    private OrderStatus status;
    private Instant sentToBankAt;
    private Instant expiresAt;
    private String payUrl;
    private String qrCode;
    private Instant paidAt;
    private String bankTradeNo;
    private Instant endedAt;

    public FeeOrder(UUID id, String bureau, UUID enrollmentId, UUID candidateId, String examCode, String examName,
            String regionCode, Channel channel,
            List<FeeItem> items, long amountFen, Instant createdAt, PaymentWindow window, OrderStatus status,
            Instant sentToBankAt, Instant expiresAt, String payUrl, String qrCode, Instant paidAt, String bankTradeNo,
            Instant endedAt) {
        this.id = id;
        this.bureau = bureau;
        this.enrollmentId = enrollmentId;
        this.candidateId = candidateId;
        this.examCode = examCode;
        this.examName = examName;
        this.regionCode = regionCode;
        this.channel = channel;
        this.items = List.copyOf(items);
        this.amountFen = amountFen;
        this.createdAt = createdAt;
        this.window = window;
        this.status = status;
        this.sentToBankAt = sentToBankAt;
        this.expiresAt = expiresAt;
        this.payUrl = payUrl;
        this.qrCode = qrCode;
        this.paidAt = paidAt;
        this.bankTradeNo = bankTradeNo;
        this.endedAt = endedAt;
    }

    /**
     * A new order of {@code bureau} (BUR-1: its channel rules chose {@code channel}) for the items; the total is their
     * sum, never a number taken from elsewhere.
     */
    public static FeeOrder open(UUID id, String bureau, UUID enrollmentId, UUID candidateId, String examCode,
            String examName, String regionCode, Channel channel, List<FeeItem> items, PaymentWindow window,
            Instant now) {
        if (items.isEmpty() || items.stream().anyMatch(item -> item.amountFen() < 0)) {
            throw new IllegalArgumentException("a fee order needs items with amounts of zero or more fen");
        }
        long total = items.stream().mapToLong(FeeItem::amountFen).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("nothing is owed: no order");
        }
        return new FeeOrder(id, bureau, enrollmentId, candidateId, examCode, examName, regionCode, channel, items, total,
                now,
                window,
                OrderStatus.CREATED, null, null, null, null, null, null, null);
    }

    public OrderCreated createdEvent() {
        return new OrderCreated(id, enrollmentId, candidateId, amountFen, channel.name(), expiresAt);
    }

    /** The number the bank knows the order by: the id without dashes (32 characters). */
    public String bankOrderNo() {
        return bankOrderNo(id);
    }

    public static String bankOrderNo(UUID id) {
        return id.toString().replace("-", "");
    }

    public static UUID idOfBankOrderNo(String orderNo) {
        if (orderNo == null || !orderNo.matches("[0-9a-f]{32}")) {
            return null;
        }
        return UUID.fromString(orderNo.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }

    /** The bank opened its order: from now on the candidate has {@code lifetime} (30 minutes) to pay. */
    public void sentToBank(String payUrl, String qrCode, Instant now, Duration lifetime) {
        status = status.moveTo(OrderStatus.PENDING);
        this.payUrl = payUrl;
        this.qrCode = qrCode;
        sentToBankAt = now;
        expiresAt = now.plus(lifetime);
    }

    public boolean isDue(Instant now) {
        return status == OrderStatus.PENDING && expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The bank reports a payment of {@code amountFen} for this order (PAY-4, PAY-5). It pays the order only when the
     * order is still open, the amount is exactly the order's, and the enrollment is not paid by another order;
     * anything else is money the candidate gets back.
     */
    public Settlement bankPaid(long paidFen, String tradeNo, Instant at, boolean enrollmentPaidByAnother) {
        if (!status.isOpen()) {
            return new MustRefund(switch (status) {
                case EXPIRED -> "ORDER_EXPIRED";
                case CLOSED -> "ORDER_CLOSED";
                default -> "ORDER_ALREADY_PAID";
            });
        }
        if (paidFen != amountFen) {
            return new MustRefund("AMOUNT_MISMATCH");
        }
        if (enrollmentPaidByAnother) {
            return new MustRefund("ENROLLMENT_ALREADY_PAID");
        }
        if (status == OrderStatus.CREATED) {
            // paid through a bank order we had not yet marked as sent (the bank answered, our commit did not land)
            status = status.moveTo(OrderStatus.PENDING);
        }
        status = status.moveTo(OrderStatus.PAID);
        paidAt = at;
        bankTradeNo = tradeNo;
        return new Settled(new PaymentSucceeded(id, enrollmentId, candidateId, amountFen, channel.name(), tradeNo, at,
                examName));
    }

    /** 30 minutes passed and the bank confirmed the order is closed there (PAY-5). */
    public OrderExpired expire(Instant now) {
        status = status.moveTo(OrderStatus.EXPIRED);
        endedAt = now;
        return new OrderExpired(id, enrollmentId, candidateId, now);
    }

    /** Another order of the enrollment was paid, or the candidate gave it up. */
    public void close(Instant now) {
        status = status.moveTo(OrderStatus.CLOSED);
        endedAt = now;
    }

    public UUID id() { return id; }
    public String bureau() { return bureau; }
    public UUID enrollmentId() { return enrollmentId; }
    public UUID candidateId() { return candidateId; }
    public String examCode() { return examCode; }
    public String examName() { return examName; }
    public String regionCode() { return regionCode; }
    public Channel channel() { return channel; }
    public List<FeeItem> items() { return items; }
    public long amountFen() { return amountFen; }
    public Instant createdAt() { return createdAt; }
    public PaymentWindow window() { return window; }
    public OrderStatus status() { return status; }
    public Instant sentToBankAt() { return sentToBankAt; }
    public Instant expiresAt() { return expiresAt; }
    public String payUrl() { return payUrl; }
    public String qrCode() { return qrCode; }
    public Instant paidAt() { return paidAt; }
    public String bankTradeNo() { return bankTradeNo; }
    public Instant endedAt() { return endedAt; }
}
