package org.baokao.payment.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.events.payment.OrderCreated;
import org.baokao.events.payment.OrderExpired;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.payment.channel.Channel;

/**
 * A fee order (PAY-1): what a confirmed enrollment (or a Shanghai course order, {@link OrderKind}) owes, itemised in
 * fen, payable through one channel inside the payment window. Plain Java: the state machine ({@link OrderStatus})
 * and the rule for money the bank reports ({@link #bankPaid}); transactions, locks and the bank calls are around it
 * in {@link Orders}.
 * <p>
 * A course order may carry {@code lapsesAt}, the sitting's registration close: from then on its courses are void
 * (课程报考视为无效), so it cannot be paid, and money the bank reports as paid at or after it goes back
 * ({@code ORDER_LAPSED}).
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
    private final OrderKind kind;
    /** The enrollment, or the course order ({@link OrderKind#COURSE_ORDER}), this order pays for. */
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
    private final Instant lapsesAt;
    private OrderStatus status;
    private Instant sentToBankAt;
    private Instant expiresAt;
    private String payUrl;
    private String qrCode;
    private Instant paidAt;
    private String bankTradeNo;
    private Instant endedAt;

    public FeeOrder(UUID id, String bureau, OrderKind kind, UUID enrollmentId, UUID candidateId, String examCode,
            String examName, String regionCode, Channel channel,
            List<FeeItem> items, long amountFen, Instant createdAt, PaymentWindow window, Instant lapsesAt,
            OrderStatus status, Instant sentToBankAt, Instant expiresAt, String payUrl, String qrCode, Instant paidAt,
            String bankTradeNo, Instant endedAt) {
        this.id = id;
        this.bureau = bureau;
        this.kind = kind;
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
        this.lapsesAt = lapsesAt;
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
     * A new order of {@code bureau} (BUR-1: its channel rules chose {@code channel}) for the items of an enrollment;
     * the total is their sum, never a number taken from elsewhere.
     */
    public static FeeOrder open(UUID id, String bureau, UUID enrollmentId, UUID candidateId, String examCode,
            String examName, String regionCode, Channel channel, List<FeeItem> items, PaymentWindow window,
            Instant now) {
        return open(id, bureau, OrderKind.ENROLLMENT, enrollmentId, candidateId, examCode, examName, regionCode,
                channel, items, window, null, now);
    }

    /**
     * A new order for a Shanghai course order's theory courses (SST-6), keyed by the course order's id, void from
     * {@code lapsesAt} (the registration window's close) on.
     */
    public static FeeOrder forCourseOrder(UUID id, String bureau, UUID courseOrderId, UUID candidateId,
            String examCode, String examName, String regionCode, Channel channel, List<FeeItem> items,
            PaymentWindow window, Instant lapsesAt, Instant now) {
        return open(id, bureau, OrderKind.COURSE_ORDER, courseOrderId, candidateId, examCode, examName, regionCode,
                channel, items, window, lapsesAt, now);
    }

    /** 重新下单: a new order for the same thing, with the same items, channel, window and lapse. */
    public FeeOrder reopened(UUID newId, Instant now) {
        return open(newId, bureau, kind, enrollmentId, candidateId, examCode, examName, regionCode, channel, items,
                window, lapsesAt, now);
    }

    private static FeeOrder open(UUID id, String bureau, OrderKind kind, UUID payingFor, UUID candidateId,
            String examCode, String examName, String regionCode, Channel channel, List<FeeItem> items,
            PaymentWindow window, Instant lapsesAt, Instant now) {
        if (items.isEmpty() || items.stream().anyMatch(item -> item.amountFen() < 0)) {
            throw new IllegalArgumentException("a fee order needs items with amounts of zero or more fen");
        }
        long total = items.stream().mapToLong(FeeItem::amountFen).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("nothing is owed: no order");
        }
        return new FeeOrder(id, bureau, kind, payingFor, candidateId, examCode, examName, regionCode, channel, items,
                total, now, window, lapsesAt, OrderStatus.CREATED, null, null, null, null, null, null, null);
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

    /**
     * The bank opened its order: from now on the candidate has {@code lifetime} (30 minutes) to pay, but never past
     * the lapse: the countdown the candidate sees ends when the courses would be void anyway. Sent again after
     * {@link #bankHasNoPayment()}, it is the same bank order (its number is the order's): its 30 minutes run on.
     */
    public void sentToBank(String payUrl, String qrCode, Instant now, Duration lifetime) {
        status = status.moveTo(OrderStatus.PENDING);
        this.payUrl = payUrl;
        this.qrCode = qrCode;
        if (sentToBankAt != null) {
            return;
        }
        // to the microsecond PostgreSQL keeps: the expiry answered now is the one every later answer reads back
        sentToBankAt = now.truncatedTo(ChronoUnit.MICROS);
        Instant end = sentToBankAt.plus(lifetime);
        expiresAt = lapsesAt != null && lapsesAt.isBefore(end) ? lapsesAt : end;
    }

    /**
     * The candidate's 刷新订单状态 found no payment at the bank for the order sent there (the payer cancelled at the
     * cashier, or closed its tab): the order is payable again (待缴费, issue 22) instead of saying 支付中 for a
     * payment nobody is making. 缴费 then reopens the same bank order (the bank keeps one order per number, so
     * nothing is charged twice), its 30 minutes running on; a payment of it that arrives meanwhile (a cashier tab
     * left open) still pays the order, once ({@link #bankPaid}). Only a pending order moves, and not one paid by
     * scanning its QR code (公共支付): the code on the page is its way to pay, and the phone may be paying right now.
     * True when it moved.
     */
    public boolean bankHasNoPayment() {
        if (status != OrderStatus.PENDING || qrCode != null) {
            return false;
        }
        status = status.moveTo(OrderStatus.CREATED);
        return true;
    }

    /** Whether a bank order was ever opened for it (and may be paid there until closed). */
    public boolean isAtBank() {
        return sentToBankAt != null;
    }

    /** A course order's courses are void from its lapse on (课程报考视为无效): it can no longer be paid. */
    public boolean hasLapsed(Instant now) {
        return lapsesAt != null && !now.isBefore(lapsesAt);
    }

    /** Open, sent to the bank once, and past its 30 minutes: to be closed at the bank, then expired. */
    public boolean isDue(Instant now) {
        return status.isOpen() && isAtBank() && expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * The bank reports a payment of {@code amountFen} for this order (PAY-4, PAY-5). It pays the order only when the
     * order is still open, the amount is exactly the order's, and the enrollment is not paid by another order;
     * anything else is money the candidate gets back. A course order's money paid (bank time) at or after its
     * lapse never counts, whatever state the order is in: the courses were void by then.
     */
    public Settlement bankPaid(long paidFen, String tradeNo, Instant at, boolean enrollmentPaidByAnother) {
        if (hasLapsed(at)) {
            return new MustRefund("ORDER_LAPSED");
        }
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

    /**
     * A finance officer refunds the paid order (OPS-3): the money goes back through the channel's refund, and the
     * enrollment is no longer paid by it (PaymentRefunded, once the bank refunded). Only a paid order is refunded.
     */
    public void refundedByOperator(Instant now) {
        status = status.moveTo(OrderStatus.REFUNDED);
        endedAt = now;
    }

    /**
     * The course order lapsed unpaid at the registration close (CourseOrderLapsed): the open order is closed, as at
     * expiry (a pending one only once its bank order is closed, see {@link Orders}). Only a course order lapses.
     */
    public void lapse(Instant now) {
        if (kind != OrderKind.COURSE_ORDER) {
            throw new IllegalStateException("only a course order's fee order lapses, not an order of " + kind);
        }
        close(now);
    }

    public UUID id() { return id; }
    public String bureau() { return bureau; }
    public OrderKind kind() { return kind; }
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
    public Instant lapsesAt() { return lapsesAt; }
    public OrderStatus status() { return status; }
    public Instant sentToBankAt() { return sentToBankAt; }
    public Instant expiresAt() { return expiresAt; }
    public String payUrl() { return payUrl; }
    public String qrCode() { return qrCode; }
    public Instant paidAt() { return paidAt; }
    public String bankTradeNo() { return bankTradeNo; }
    public Instant endedAt() { return endedAt; }
}
