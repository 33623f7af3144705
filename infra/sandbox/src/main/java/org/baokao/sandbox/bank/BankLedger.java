package org.baokao.sandbox.bank;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What the banks know: the merchant's orders (keyed by channel and the merchant's order number, so creating the
 * same order twice is one bank order), their payments and refunds, and the transactions a daily statement lists.
 * In memory: the sandbox forgets everything on restart, like a test bank reset.
 */
@Component
class BankLedger {

    static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter TRADE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    enum Status { WAITING, PAID, CLOSED }

    /** One bank order. Mutated only under its own lock. */
    static final class BankOrder {
        final BankChannel channel;
        final String orderNo;
        final long amountFen;
        final String subject;
        final String merchantName;
        final String notifyUrl;
        final String returnUrl;
        final Instant createdAt;
        Status status = Status.WAITING;
        String bankTradeNo;
        Instant paidAt;
        long refundedFen;

        BankOrder(BankChannel channel, String orderNo, long amountFen, String subject, String merchantName,
                String notifyUrl, String returnUrl, Instant createdAt) {
            this.channel = channel;
            this.orderNo = orderNo;
            this.amountFen = amountFen;
            this.subject = subject;
            this.merchantName = merchantName;
            this.notifyUrl = notifyUrl;
            this.returnUrl = returnUrl;
            this.createdAt = createdAt;
        }
    }

    /** A line of the daily statement: a payment (PAY) or a refund (REFUND, its own number). */
    record Transaction(BankChannel channel, String type, String bankTradeNo, String orderNo, long amountFen,
            Instant at, String refundNo) {
    }

    record Refund(String refundNo, String orderNo, long amountFen, Instant refundedAt) {
    }

    private final Map<String, BankOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final List<Transaction> transactions = new ArrayList<>();
    private final AtomicLong tradeSequence = new AtomicLong();
    private final Clock clock = Clock.systemUTC();

    /** The order, created on first call; the same order number again returns the first order (no second one). */
    BankOrder create(BankChannel channel, String orderNo, long amountFen, String subject, String merchantName,
            String notifyUrl, String returnUrl) {
        return orders.computeIfAbsent(key(channel, orderNo), k -> new BankOrder(channel, orderNo, amountFen, subject,
                merchantName, notifyUrl, returnUrl, clock.instant()));
    }

    Optional<BankOrder> find(BankChannel channel, String orderNo) {
        return Optional.ofNullable(orders.get(key(channel, orderNo)));
    }

    /** The candidate pays a waiting order; true when this call paid it. */
    boolean pay(BankOrder order) {
        synchronized (order) {
            if (order.status != Status.WAITING) {
                return false;
            }
            settle(order);
            return true;
        }
    }

    /**
     * A payment the bank captured although the order was closed meanwhile (the late success a bank sends after the
     * merchant's close went through on another of its systems). Test hook only.
     */
    boolean payEvenIfClosed(BankOrder order) {
        synchronized (order) {
            if (order.status == Status.PAID) {
                return false;
            }
            settle(order);
            return true;
        }
    }

    private void settle(BankOrder order) {
        order.status = Status.PAID;
        order.paidAt = clock.instant();
        order.bankTradeNo = order.channel.tradePrefix() + TRADE_TIME.format(order.paidAt.atZone(BANK_ZONE))
                + String.format("%08d", tradeSequence.incrementAndGet());
        record(new Transaction(order.channel, "PAY", order.bankTradeNo, order.orderNo, order.amountFen, order.paidAt,
                null));
    }

    /** The merchant closes a waiting order; a paid order cannot be closed and says so by its status. */
    Status close(BankOrder order) {
        synchronized (order) {
            if (order.status == Status.WAITING) {
                order.status = Status.CLOSED;
            }
            return order.status;
        }
    }

    /** Refunds a paid order once per refund number; empty when it cannot be refunded. */
    Optional<Refund> refund(BankOrder order, String refundNo, long amountFen) {
        synchronized (order) {
            Refund earlier = refunds.get(key(order.channel, refundNo));
            if (earlier != null) {
                return Optional.of(earlier);
            }
            if (order.status != Status.PAID || amountFen <= 0 || order.refundedFen + amountFen > order.amountFen) {
                return Optional.empty();
            }
            order.refundedFen += amountFen;
            Refund refund = new Refund(refundNo, order.orderNo, amountFen, clock.instant());
            refunds.put(key(order.channel, refundNo), refund);
            record(new Transaction(order.channel, "REFUND", order.bankTradeNo, order.orderNo, amountFen,
                    refund.refundedAt(), refundNo));
            return Optional.of(refund);
        }
    }

    /** The transactions of one bank on one day (Asia/Shanghai), in time order. */
    List<Transaction> statement(BankChannel channel, LocalDate day) {
        synchronized (transactions) {
            return transactions.stream()
                    .filter(t -> t.channel() == channel && t.at().atZone(BANK_ZONE).toLocalDate().equals(day))
                    .toList();
        }
    }

    private void record(Transaction transaction) {
        synchronized (transactions) {
            transactions.add(transaction);
        }
    }

    private static String key(BankChannel channel, String number) {
        return channel.name() + ":" + number;
    }
}
