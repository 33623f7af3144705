package org.baokao.payment.order;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.payment.PaymentConsumers;
import org.baokao.payment.PaymentProperties;
import org.baokao.payment.bureau.Bureau;
import org.baokao.payment.bureau.Bureaus;
import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.channel.PaymentChannel;
import org.baokao.payment.channel.PaymentChannel.BankTrade;
import org.baokao.payment.channel.PaymentChannels;
import org.baokao.payment.order.FeeOrder.MustRefund;
import org.baokao.payment.order.FeeOrder.Settled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fee orders' use cases, each one transaction with its events in the outbox: open an order from a confirmation
 * (PAY-1), pay it once per click however often it is clicked (PAY-2, PAY-3), record what the bank reports exactly
 * once whatever told us (notification, query, statement; PAY-4..PAY-6), expire it after closing it at the bank.
 * Bank calls that may be slow happen outside transactions, except opening the bank order, which holds the order's
 * row lock so two tabs cannot open two.
 */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    /** What became of a payment the bank reported. */
    public enum Outcome { SETTLED, REFUNDING, DUPLICATE, UNKNOWN_ORDER }

    public enum Source { NOTIFICATION, QUERY, RECONCILIATION }

    private final OrderRepository orders;
    private final Bureaus bureaus;
    private final PaymentChannels channels;
    private final OrderRefunds refunds;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaymentProperties properties;
    private final NotifyUrls notifyUrls;
    private final OrderMetrics metrics;
    private final Clock clock;

    Orders(OrderRepository orders, Bureaus bureaus, PaymentChannels channels, OrderRefunds refunds, Outbox outbox,
            JdbcClient jdbc, TransactionTemplate transactions, PaymentProperties properties, NotifyUrls notifyUrls,
            OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.bureaus = bureaus;
        this.channels = channels;
        this.refunds = refunds;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.notifyUrls = notifyUrls;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * PAY-1: the confirmed enrollment's order, itemised, routed to its channel by its bureau's rules (PAY-2, BUR-1).
     * A second delivery of the confirmation finds the enrollment's order and makes none. A confirmation that its
     * bureau's rules cannot route yet makes none either ({@link OrderNotRoutableException}). Must run inside the
     * inbox's transaction.
     */
    @EventHandler(PaymentConsumers.ENROLLMENT_EVENTS)
    public void openFor(EnrollmentConfirmed confirmed) {
        if (!orders.ofEnrollment(confirmed.enrollmentId()).isEmpty()) {
            log.info("Enrollment {} already has an order", confirmed.enrollmentId());
            return;
        }
        List<FeeItem> items = confirmed.feeItems().stream()
                .map(item -> new FeeItem(item.code(), item.name(), item.amountFen())).toList();
        if (items.stream().mapToLong(FeeItem::amountFen).sum() <= 0) {
            // enrollment-service completes those itself and never sends them; nothing to pay
            return;
        }
        String bureau = routableBureau(confirmed.bureau());
        PaymentChannels.Route route = route(bureau, confirmed.examLocationCode());
        FeeOrder order = FeeOrder.open(UUID.randomUUID(), bureau, confirmed.enrollmentId(), confirmed.candidateId(),
                confirmed.examCode(), confirmed.examName(), route.regionCode(), route.channel(), items,
                new PaymentWindow(confirmed.paymentOpensAt(), confirmed.paymentClosesAt(), confirmed.paymentDailyOpens(),
                        confirmed.paymentDailyCloses()),
                clock.instant());
        orders.insert(order);
        outbox.publish(order.createdEvent());
        log.info("Order {} of {} fen opened for enrollment {} of bureau {} through {}", order.id(), order.amountFen(),
                order.enrollmentId(), bureau, order.channel());
    }

    /**
     * SST-6: a Shanghai course order's theory courses, agreed to by the 考生报考承诺书, become one fee order keyed by
     * the course order's id (its payment events name it in {@code enrollmentId}), routed like an enrollment's order
     * by the bureau's rules for the exam location (3101 → the public payment platform) and held the same way when
     * they cannot route it yet. A second delivery opens nothing; nor does a course order that has lapsed meanwhile
     * (a held event replayed after the registration close). Must run inside the inbox's transaction.
     */
    @EventHandler(PaymentConsumers.ENROLLMENT_EVENTS)
    public void openFor(CourseOrderPlaced placed) {
        if (!orders.ofEnrollment(placed.courseOrderId()).isEmpty()) {
            log.info("Course order {} already has an order", placed.courseOrderId());
            return;
        }
        Instant now = clock.instant();
        if (placed.lapsesAt() != null && !now.isBefore(placed.lapsesAt())) {
            log.info("Course order {} lapsed at {} before its fee order was opened: none opened",
                    placed.courseOrderId(), placed.lapsesAt());
            return;
        }
        List<FeeItem> items = placed.items().stream()
                .map(item -> new FeeItem(item.code(), item.name(), item.amountFen())).toList();
        String bureau = routableBureau(placed.bureau());
        PaymentChannels.Route route = route(bureau, placed.examLocationCode());
        FeeOrder order = FeeOrder.forCourseOrder(UUID.randomUUID(), bureau, placed.courseOrderId(),
                placed.candidateId(), placed.examCode(), placed.examName(), route.regionCode(), route.channel(), items,
                new PaymentWindow(placed.paymentOpensAt(), placed.paymentClosesAt(), placed.paymentDailyOpens(),
                        placed.paymentDailyCloses()),
                placed.lapsesAt(), now);
        orders.insert(order);
        outbox.publish(order.createdEvent());
        log.info("Order {} of {} fen opened for course order {} of bureau {} through {}, lapsing at {}", order.id(),
                order.amountFen(), order.enrollmentId(), bureau, order.channel(), order.lapsesAt());
    }

    /**
     * SST-6: the course order lapsed unpaid at the registration close: its fee orders lapse then at the latest
     * (later payments refunded, no 重新下单), and its open fee order is closed as at expiry: a pending one at the
     * bank first, and only once the bank says it is closed (or never saw it). A bank that reports it paid keeps it
     * pending here: the background query records that payment in its own transaction, which settles it when the
     * bank time is before the lapse and refunds it ({@code ORDER_LAPSED}) otherwise. A bank that does not answer, or
     * does not close, makes the event retried. A second delivery finds nothing open. Must run inside the inbox's
     * transaction.
     */
    @EventHandler(PaymentConsumers.ENROLLMENT_EVENTS)
    public void lapse(CourseOrderLapsed lapsed) {
        // from its lapse on nothing can be paid for it, nor ordered again, whatever the order placed said
        orders.lapsedAt(lapsed.courseOrderId(), lapsed.lapsedAt());
        for (FeeOrder order : orders.ofEnrollment(lapsed.courseOrderId())) {
            if (!order.status().isOpen() || !order.candidateId().equals(lapsed.candidateId())) {
                continue;
            }
            if (order.isAtBank()) {
                BankTrade atBank = channels.of(order.channel()).close(order.bankOrderNo());
                if (atBank.paid()) {
                    log.info("Order {} of lapsed course order {} is paid at {}: the query records it", order.id(),
                            lapsed.courseOrderId(), order.channel());
                    continue;
                }
                if (!"CLOSED".equals(atBank.tradeStatus()) && !"NOT_FOUND".equals(atBank.tradeStatus())) {
                    throw new IllegalStateException("order " + order.id() + ": " + order.channel()
                            + " did not close it (" + atBank.tradeStatus() + "), trying again");
                }
            }
            orders.lock(order.id()).filter(o -> o.status().isOpen()).ifPresent(open -> {
                open.lapse(clock.instant());
                orders.update(open);
                log.info("Order {} closed: course order {} lapsed at {}", open.id(), lapsed.courseOrderId(),
                        lapsed.lapsedAt());
            });
        }
    }

    /** The bureau an event names (null: the default one), which must be configured here to route its order. */
    private String routableBureau(String named) {
        String bureau = bureaus.bureauOf(named);
        if (bureaus.find(bureau).isEmpty()) {
            throw OrderNotRoutableException.bureauNotConfigured(bureau);
        }
        return bureau;
    }

    private PaymentChannels.Route route(String bureau, String examLocationCode) {
        return channels.route(bureau, examLocationCode)
                .orElseThrow(() -> OrderNotRoutableException.noRule(bureau, examLocationCode));
    }

    /** The candidate's own order, or 404 (also for anyone else's). */
    public FeeOrder own(UUID candidateId, UUID orderId) {
        return orders.find(orderId).filter(o -> o.candidateId().equals(candidateId)).orElseThrow(Orders::notFound);
    }

    public List<FeeOrder> mine(UUID candidateId, UUID enrollmentId) {
        return enrollmentId == null ? orders.ofCandidate(candidateId)
                : orders.ofEnrollment(enrollmentId).stream().filter(o -> o.candidateId().equals(candidateId)).toList();
    }

    /**
     * The content of the candidate's own pending order's QR code (公共支付: the platform's phone page), to be shown as
     * an image; 409 {@code QR_NOT_AVAILABLE} for an order not (or no longer) waiting at the bank, or paid through a
     * channel that pays by redirect.
     */
    public String qrCodeOf(UUID candidateId, UUID orderId) {
        FeeOrder order = own(candidateId, orderId);
        if (order.status() == OrderStatus.CREATED) {
            throw Refusal.conflict("QR_NOT_AVAILABLE", "订单尚未提交支付，请先选择支付方式（去缴费）");
        }
        if (order.status() != OrderStatus.PENDING) {
            throw Refusal.conflict("QR_NOT_AVAILABLE", "订单状态为「" + order.status().chineseName() + "」，没有待支付的付款二维码");
        }
        if (order.qrCode() == null || order.qrCode().isBlank()) {
            throw Refusal.conflict("QR_NOT_AVAILABLE", "该订单通过" + order.channel().chineseName()
                    + "支付，没有付款二维码，请打开支付页面付款");
        }
        return order.qrCode();
    }

    /**
     * 去缴费 (PAY-2, PAY-3): opens the bank order the candidate is redirected to. The bank order number is the order
     * id, and the order row is locked while the bank opens it, so double clicks, two tabs and retries after a lost
     * answer all get the one bank order; the idempotency key additionally answers a retry with the order it named.
     */
    public FeeOrder pay(UUID candidateId, UUID orderId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw Refusal.invalid("IDEMPOTENCY_KEY_REQUIRED", "缴费请求须带Idempotency-Key请求头（不超过100个字符）");
        }
        return transactions.execute(status -> {
            Optional<UUID> earlier = jdbc.sql("select order_id from pay_request where candidate_id = ? and idempotency_key = ?")
                    .params(candidateId, idempotencyKey).query(UUID.class).optional();
            if (earlier.isPresent() && !earlier.get().equals(orderId)) {
                throw Refusal.conflict("IDEMPOTENCY_KEY_REUSED", "该请求标识已用于另一订单，请刷新页面后重试");
            }
            FeeOrder order = orders.lock(orderId).filter(o -> o.candidateId().equals(candidateId))
                    .orElseThrow(Orders::notFound);
            if (earlier.isPresent() && order.status() != OrderStatus.CREATED) {
                return order;
            }
            Instant now = clock.instant();
            if (order.status() != OrderStatus.PAID && order.status() != OrderStatus.REFUNDED && order.hasLapsed(now)) {
                throw lapsed();
            }
            switch (order.status()) {
                case PENDING -> {
                    return order;
                }
                case PAID, REFUNDED -> throw Refusal.conflict("ORDER_ALREADY_PAID", "该订单已缴费，无需重复缴费");
                case EXPIRED -> throw Refusal.conflict("ORDER_EXPIRED", "订单已超过30分钟未支付而失效，请重新下单");
                case CLOSED -> throw Refusal.conflict("ORDER_CLOSED", "订单已关闭，请重新下单");
                case CREATED -> {
                }
            }
            if (!order.window().isOpenAt(now)) {
                throw Refusal.conflict("PAYMENT_WINDOW_CLOSED", "当前不在缴费时间内。缴费时间：" + order.window().describe());
            }
            PaymentChannel channel = channels.of(order.channel());
            PaymentChannel.BankOrder bankOrder;
            try {
                bankOrder = channel.createOrder(order.bankOrderNo(), order.amountFen(),
                        (order.examName() != null ? order.examName() : order.examCode()) + " " + order.kind().feeName(),
                        bureaus.find(order.bureau()).map(Bureau::name).orElse(null),
                        notifyUrls.forChannel(order.channel()),
                        returnUrlOf(order));
            } catch (ChannelUnavailableException e) {
                log.warn("Order {}: {} did not open the bank order: {}", orderId, order.channel(), e.getMessage());
                throw Refusal.unavailable("CHANNEL_UNAVAILABLE",
                        order.channel().chineseName() + "暂时无法受理，请稍后再试");
            }
            order.sentToBank(bankOrder.payUrl(), bankOrder.qrCode(), now, properties.orderLifetime());
            orders.update(order);
            jdbc.sql("insert into pay_request (candidate_id, idempotency_key, order_id, created_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(candidateId, idempotencyKey, orderId, Timestamp.from(now)).update();
            log.info("Order {} sent to {}, payable until {}", orderId, order.channel(), order.expiresAt());
            return order;
        });
    }

    /**
     * 重新下单: after an order expired or was closed, a new one with the same items, window and channel. Answers the
     * open order when there is one; refused when the enrollment is paid, and for a course order that has lapsed.
     */
    public FeeOrder reorder(UUID candidateId, UUID enrollmentId) {
        return transactions.execute(status -> {
            List<FeeOrder> all = orders.ofEnrollment(enrollmentId).stream()
                    .filter(o -> o.candidateId().equals(candidateId)).toList();
            if (all.isEmpty()) {
                throw Refusal.notFound("ORDER_NOT_FOUND", "未找到该报名的缴费订单");
            }
            // serialise reorders of one enrollment on its latest order's row
            orders.lock(all.getFirst().id());
            for (FeeOrder o : orders.ofEnrollment(enrollmentId)) {
                if (o.status().isOpen()) {
                    return o;
                }
                if (o.status() == OrderStatus.PAID) {
                    throw Refusal.conflict("ENROLLMENT_ALREADY_PAID", "该报名已缴费，无需重新下单");
                }
            }
            FeeOrder last = all.getFirst();
            if (last.hasLapsed(clock.instant())) {
                throw lapsed();
            }
            FeeOrder order = last.reopened(UUID.randomUUID(), clock.instant());
            orders.insert(order);
            outbox.publish(order.createdEvent());
            log.info("Order {} reopened for enrollment {} after order {}", order.id(), enrollmentId, last.id());
            return order;
        });
    }

    /**
     * The bank reported a verified payment (PAY-4..PAY-6). Recorded once per bank trade number under the order's row
     * lock: the first report pays the order (PaymentSucceeded) or, when the order could not take it, starts a refund;
     * every later report of the same trade is a duplicate and changes nothing.
     */
    public Outcome bankPaid(Channel channel, String bankOrderNo, String bankTradeNo, long amountFen, Instant paidAt,
            Source source) {
        UUID orderId = FeeOrder.idOfBankOrderNo(bankOrderNo);
        if (orderId == null || bankTradeNo == null || bankTradeNo.isBlank()) {
            return metrics.reported(channel, Outcome.UNKNOWN_ORDER);
        }
        UUID[] refund = new UUID[1];
        Outcome outcome = transactions.execute(status -> {
            Optional<FeeOrder> found = orders.lock(orderId).filter(o -> o.channel() == channel);
            if (found.isEmpty()) {
                return Outcome.UNKNOWN_ORDER;
            }
            FeeOrder order = found.get();
            Instant now = clock.instant();
            int recorded = jdbc.sql("""
                    insert into bank_payment (channel, bank_trade_no, order_id, amount_fen, paid_at, source, outcome, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(channel.name(), bankTradeNo, orderId, amountFen, Timestamp.from(paidAt), source.name(),
                            BankPaymentOutcome.SETTLED.name(), Timestamp.from(now))
                    .update();
            if (recorded == 0) {
                return Outcome.DUPLICATE;
            }
            switch (order.bankPaid(amountFen, bankTradeNo, paidAt, orders.enrollmentPaidByAnother(order.enrollmentId(),
                    orderId))) {
                case Settled settled -> {
                    orders.update(order);
                    outbox.publish(settled.event());
                    log.info("Order {} paid: {} fen, {} trade {} (from {})", orderId, amountFen, channel, bankTradeNo,
                            source);
                    return Outcome.SETTLED;
                }
                case MustRefund mustRefund -> {
                    jdbc.sql("update bank_payment set outcome = ? where channel = ? and bank_trade_no = ?")
                            .params(BankPaymentOutcome.REFUNDED.name(), channel.name(), bankTradeNo).update();
                    if (order.status().isOpen()) {
                        // the enrollment is paid by another order: this one will not be paid any more
                        order.close(now);
                        orders.update(order);
                    }
                    refund[0] = refunds.request(order, bankTradeNo, amountFen, mustRefund.reason());
                    log.warn("Payment {} of {} fen on order {} ({}) is refunded: {}", bankTradeNo, amountFen, orderId,
                            order.status(), mustRefund.reason());
                    return Outcome.REFUNDING;
                }
            }
        });
        if (refund[0] != null) {
            refunds.process(refund[0]);
        }
        return metrics.reported(channel, outcome);
    }

    /**
     * 刷新订单状态 (PAY-5): asks the bank about an order sent there; a payment it reports is recorded like a
     * notification. No payment there: the candidate is back from the bank without paying (取消支付, the bank's tab
     * closed), so a pending order is payable again ({@link FeeOrder#bankHasNoPayment()}). A bank that does not
     * answer leaves the order as it is. (The background query never does that: the payer may be at the cashier.)
     */
    public FeeOrder refresh(UUID candidateId, UUID orderId) {
        FeeOrder order = own(candidateId, orderId);
        if (!order.status().isOpen() || !order.isAtBank()) {
            return order;
        }
        try {
            if (!query(order)) {
                // under the row lock: a payment recorded since the query (a notification) keeps the order paid
                transactions.executeWithoutResult(status -> orders.lock(orderId).ifPresent(locked -> {
                    if (locked.bankHasNoPayment()) {
                        orders.update(locked);
                        log.info("Order {}: no payment at {}, payable again", orderId, locked.channel());
                    }
                }));
            }
        } catch (ChannelUnavailableException e) {
            throw Refusal.unavailable("CHANNEL_UNAVAILABLE",
                    order.channel().chineseName() + "暂时无法查询，请稍后再刷新");
        }
        return own(candidateId, orderId);
    }

    /** Queries one pending order at its bank; true when the bank reports it paid. */
    public boolean query(FeeOrder order) {
        return queryAtBank(order).trade().paid();
    }

    /**
     * What the bank answered about an order when we asked ({@code queriedAt}, also the order's last query), and what
     * became of the payment it reported (null: none reported).
     */
    public record BankAnswer(BankTrade trade, Outcome outcome, Instant queriedAt) {
    }

    /**
     * Asks the bank about one order, the background query's way: a payment it reports is recorded like a
     * notification (once per bank trade, whatever told us first). Also what an operator's 重新查询银行 does.
     */
    public BankAnswer queryAtBank(FeeOrder order) {
        BankTrade trade = channels.of(order.channel()).query(order.bankOrderNo());
        Instant queriedAt = clock.instant();
        orders.queried(order.id(), queriedAt);
        if (!trade.paid()) {
            return new BankAnswer(trade, null, queriedAt);
        }
        return new BankAnswer(trade, bankPaid(order.channel(), order.bankOrderNo(), trade.bankTradeNo(),
                trade.amountFen(), trade.paidAt(), Source.QUERY), queriedAt);
    }

    /**
     * PAY-5: a pending order past its 30 minutes is closed at the bank first; only when the bank says it is closed
     * (or never saw it) does it expire here. A bank that reports it paid instead gets it recorded as paid.
     */
    public void expireIfDue(UUID orderId) {
        FeeOrder order = orders.find(orderId).orElse(null);
        if (order == null || !order.isDue(clock.instant())) {
            return;
        }
        BankTrade atBank = channels.of(order.channel()).close(order.bankOrderNo());
        if (atBank.paid()) {
            bankPaid(order.channel(), order.bankOrderNo(), atBank.bankTradeNo(), atBank.amountFen(), atBank.paidAt(),
                    Source.QUERY);
            return;
        }
        if (!"CLOSED".equals(atBank.tradeStatus()) && !"NOT_FOUND".equals(atBank.tradeStatus())) {
            log.warn("Order {}: {} did not close it ({}), trying again later", orderId, order.channel(),
                    atBank.tradeStatus());
            return;
        }
        transactions.executeWithoutResult(status -> orders.lock(orderId).filter(o -> o.isDue(clock.instant()))
                .ifPresent(due -> {
                    outbox.publish(due.expire(clock.instant()));
                    orders.update(due);
                    log.info("Order {} expired unpaid and closed at {}", orderId, due.channel());
                }));
    }

    /** Where the bank's page sends the candidate back to: a course order's own payment page, else the wizard's. */
    private String returnUrlOf(FeeOrder order) {
        return order.kind() == OrderKind.COURSE_ORDER
                ? properties.courseReturnUrl().replace("{bureau}", order.bureau())
                        .replace("{courseOrderId}", order.enrollmentId().toString())
                : properties.returnUrl();
    }

    /** A course order past the registration close: its courses are void, nothing more can be paid for it. */
    static Refusal lapsed() {
        return Refusal.conflict("ORDER_LAPSED", "课程报考已截止，未在报名截止前支付的课程报考视为无效，该订单不能再支付");
    }

    static Refusal notFound() {
        return Refusal.notFound("ORDER_NOT_FOUND", "未找到该缴费订单");
    }
}
