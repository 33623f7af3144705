package org.baokao.enrollment.courses;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.enrollment.exam.Pledge;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;

/**
 * A course order (结算, ENR-9, SST-6): the theory courses a candidate settles at once, one item per course in integer
 * fen, moving as {@link CourseOrderStatus} says. Accepting the 考生报考承诺书 places it: payment-service learns of it
 * from {@code CourseOrderPlaced} and collects the money through the public payment platform; its payment events name
 * this order's id where a 专升本 payment names an enrollment's.
 */
@DomainModel
public final class CourseOrder {

    /** What the money side needs besides the items: the sitting's name, payment window and close. */
    public record PaymentTerms(String examName, String examLocationCode, Instant paymentOpensAt,
            Instant paymentClosesAt, String paymentDailyOpens, String paymentDailyCloses, Instant lapsesAt) {
    }

    /** What a PaymentSucceeded did to the order. */
    public enum Payment {
        /** Paid now (from PLACED, or from LAPSED when the money came before the close). */
        PAID,
        /** Paid before: a redelivery, or a second payment (payment-service refunds that one). */
        ALREADY_PAID,
        /** Not the order's total: left unpaid (payment-service refunds mismatches). */
        AMOUNT_MISMATCH,
        /** Lapsed, and the money came at or after the close: left lapsed (payment-service refunds those). */
        AFTER_LAPSE,
        /** Never placed (no pledge yet, or withdrawn): payment-service cannot have known it. */
        NOT_PLACED
    }

    private final UUID id;
    private final UUID candidateId;
    private final String bureau;
    private final String examCode;
    private final List<OrderItem> items;
    private final Instant createdAt;
    private CourseOrderStatus status;
    private Instant lapsesAt;
    private Integer pledgeVersion;
    private Instant placedAt;
    private Instant paidAt;
    private UUID paymentOrderId;
    private Instant lapsedAt;
    private Instant withdrawnAt;

    private CourseOrder(UUID id, UUID candidateId, String bureau, String examCode, List<OrderItem> items,
            Instant createdAt, CourseOrderStatus status, Instant lapsesAt, Integer pledgeVersion, Instant placedAt,
            Instant paidAt, UUID paymentOrderId, Instant lapsedAt, Instant withdrawnAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.candidateId = Objects.requireNonNull(candidateId, "candidateId");
        this.bureau = Objects.requireNonNull(bureau, "bureau");
        this.examCode = Objects.requireNonNull(examCode, "examCode");
        this.items = List.copyOf(items);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.lapsesAt = Objects.requireNonNull(lapsesAt, "lapsesAt");
        this.pledgeVersion = pledgeVersion;
        this.placedAt = placedAt;
        this.paidAt = paidAt;
        this.paymentOrderId = paymentOrderId;
        this.lapsedAt = lapsedAt;
        this.withdrawnAt = withdrawnAt;
    }

    /** 结算: a new order of {@code items}, waiting for the pledge; it lapses at {@code lapsesAt} unless paid. */
    static CourseOrder create(UUID id, UUID candidateId, String bureau, String examCode, List<OrderItem> items,
            Instant now, Instant lapsesAt) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a course order has at least one course");
        }
        return new CourseOrder(id, candidateId, bureau, examCode, items, now, CourseOrderStatus.AWAITING_PLEDGE,
                lapsesAt, null, null, null, null, null, null);
    }

    /** An order as stored. */
    public static CourseOrder restore(UUID id, UUID candidateId, String bureau, String examCode, List<OrderItem> items,
            Instant createdAt, CourseOrderStatus status, Instant lapsesAt, Integer pledgeVersion, Instant placedAt,
            Instant paidAt, UUID paymentOrderId, Instant lapsedAt, Instant withdrawnAt) {
        return new CourseOrder(id, candidateId, bureau, examCode, items, createdAt, status, lapsesAt, pledgeVersion,
                placedAt, paidAt, paymentOrderId, lapsedAt, withdrawnAt);
    }

    /**
     * 我同意 → 下一步: the candidate accepts {@code current}, the sitting's 考生报考承诺书, having read version
     * {@code version}; the order is placed and its money becomes due. 400 {@code PLEDGE_REQUIRED} without the
     * acceptance, 409 {@code PLEDGE_VERSION_OUTDATED} when the text changed since it was read, 409
     * {@code COURSE_ORDER_NOT_AWAITING_PLEDGE} for an order withdrawn or lapsed. Accepting again what was accepted
     * (a double click) changes nothing: empty.
     */
    public Optional<CourseOrderPlaced> place(Boolean accept, Integer version, Pledge current, PaymentTerms terms,
            Instant now) {
        if (!Boolean.TRUE.equals(accept) || version == null) {
            throw Refusal.invalid("PLEDGE_REQUIRED", "请仔细阅读考生报考承诺书，选择「我同意」后再进行下一步");
        }
        if ((status == CourseOrderStatus.PLACED || status == CourseOrderStatus.PAID)
                && version.equals(pledgeVersion)) {
            return Optional.empty();
        }
        if (status != CourseOrderStatus.AWAITING_PLEDGE) {
            throw Refusal.conflict("COURSE_ORDER_NOT_AWAITING_PLEDGE",
                    "该课程订单" + status.label() + "，不能再确认考生报考承诺书");
        }
        if (version != current.version()) {
            throw Refusal.conflict("PLEDGE_VERSION_OUTDATED", "考生报考承诺书已更新，请重新阅读后再选择「我同意」");
        }
        status = status.moveTo(CourseOrderStatus.PLACED);
        pledgeVersion = version;
        placedAt = now;
        lapsesAt = terms.lapsesAt();
        return Optional.of(new CourseOrderPlaced(id, candidateId, bureau, examCode, terms.examName(),
                terms.examLocationCode(), items.stream()
                        .map(item -> new CourseOrderPlaced.Item(item.ref().itemCode(), item.itemName(), item.feeFen()))
                        .toList(),
                now, terms.paymentOpensAt(), terms.paymentClosesAt(), terms.paymentDailyOpens(),
                terms.paymentDailyCloses(), lapsesAt));
    }

    /**
     * The candidate takes the order back before accepting the pledge (its courses return to the selection); true when
     * it was withdrawn now, false when it already was. 409 {@code COURSE_ORDER_NOT_WITHDRAWABLE} once placed: the money
     * side knows it from then on.
     */
    boolean withdraw(Instant now) {
        if (status == CourseOrderStatus.WITHDRAWN) {
            return false;
        }
        if (status != CourseOrderStatus.AWAITING_PLEDGE) {
            throw Refusal.conflict("COURSE_ORDER_NOT_WITHDRAWABLE",
                    "该课程订单" + status.label() + "，只有尚未确认考生报考承诺书的订单可以撤销");
        }
        status = status.moveTo(CourseOrderStatus.WITHDRAWN);
        withdrawnAt = now;
        return true;
    }

    /**
     * The registration window closed with the order unpaid (SST-6: 课程报考视为无效). A placed order's lapse is
     * published ({@code CourseOrderLapsed}: payment-service closes its fee order); one still waiting for the pledge
     * was never known there.
     */
    public Optional<CourseOrderLapsed> lapse(Instant now) {
        if (!status.isUnpaid()) {
            throw new IllegalStateException("only an unpaid order lapses, not a " + status + " one");
        }
        boolean wasPlaced = status == CourseOrderStatus.PLACED;
        status = status.moveTo(CourseOrderStatus.LAPSED);
        lapsedAt = now;
        return wasPlaced ? Optional.of(new CourseOrderLapsed(id, candidateId, bureau, examCode, now))
                : Optional.empty();
    }

    /**
     * payment-service's PaymentSucceeded: {@code amountFen} paid at {@code at} through its fee order
     * {@code paymentOrder}. Pays a placed order, and a lapsed one when the money came before the close (the event
     * was late); anything else leaves the order as it is and says why.
     */
    public Payment paid(UUID paymentOrder, long amountFen, Instant at) {
        if (status == CourseOrderStatus.PAID) {
            return Payment.ALREADY_PAID;
        }
        boolean wasPlaced = placedAt != null;
        if (!wasPlaced || status == CourseOrderStatus.AWAITING_PLEDGE || status == CourseOrderStatus.WITHDRAWN) {
            return Payment.NOT_PLACED;
        }
        if (amountFen != totalFen()) {
            return Payment.AMOUNT_MISMATCH;
        }
        if (status == CourseOrderStatus.LAPSED && !at.isBefore(lapsesAt)) {
            return Payment.AFTER_LAPSE;
        }
        status = status.moveTo(CourseOrderStatus.PAID);
        paidAt = at;
        paymentOrderId = paymentOrder;
        lapsedAt = null;
        return Payment.PAID;
    }

    /**
     * payment-service's PaymentRefunded of fee order {@code paymentOrder}: when that order's payment is the one that
     * paid these courses, they no longer count: unpaid again before the close, lapsed after it. A refund of any other
     * payment (a duplicate, a late one) changes nothing. True when the order changed.
     */
    public boolean refunded(UUID paymentOrder, Instant at) {
        if (status != CourseOrderStatus.PAID || paymentOrder == null || !paymentOrder.equals(paymentOrderId)) {
            return false;
        }
        boolean beforeClose = at.isBefore(lapsesAt);
        status = status.moveTo(beforeClose ? CourseOrderStatus.PLACED : CourseOrderStatus.LAPSED);
        paidAt = null;
        paymentOrderId = null;
        lapsedAt = beforeClose ? null : at;
        return true;
    }

    public long totalFen() {
        return items.stream().mapToLong(OrderItem::feeFen).sum();
    }

    public boolean contains(CourseRef ref) {
        return items.stream().anyMatch(item -> item.ref().equals(ref));
    }

    public boolean belongsTo(UUID candidate, String bureauCode) {
        return candidateId.equals(candidate) && bureau.equals(bureauCode);
    }

    public UUID id() {
        return id;
    }

    public UUID candidateId() {
        return candidateId;
    }

    public String bureau() {
        return bureau;
    }

    public String examCode() {
        return examCode;
    }

    public List<OrderItem> items() {
        return items;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CourseOrderStatus status() {
        return status;
    }

    /** The registration close this order was placed against: unpaid then, it lapses. */
    public Instant lapsesAt() {
        return lapsesAt;
    }

    public Integer pledgeVersion() {
        return pledgeVersion;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    /** payment-service's fee order whose payment paid this order; null unless PAID. */
    public UUID paymentOrderId() {
        return paymentOrderId;
    }

    public Instant lapsedAt() {
        return lapsedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}
