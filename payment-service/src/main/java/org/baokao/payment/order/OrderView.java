package org.baokao.payment.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fee order as the candidate sees it: its bureau (考试院, BUR-1), items and total in fen, status in Chinese, the channel, the payment window
 * (PAY-3) and whether it is open now, and where to pay (redirect URL, or the QR code content for the public
 * payment platform; its image is {@code GET .../qr.png}). {@code kind} says what it pays for ({@code ENROLLMENT}, or
 * {@code COURSE_ORDER} with {@code enrollmentId} the course order's id and {@code lapsesAt} the registration close).
 */
public record OrderView(UUID id, String bureau, String kind, UUID enrollmentId, Instant lapsesAt, String examCode, String examName, List<FeeItem> items, long amountFen,
        String amountYuan, String status, String statusName, String channel, String channelName, Instant createdAt,
        Instant expiresAt, String payUrl, String qrCode, Instant paidAt, String bankTradeNo, Window paymentWindow,
        boolean receiptAvailable) {

    public record Window(Instant opensAt, Instant closesAt, String dailyOpens, String dailyCloses, boolean openNow,
            String description) {
    }

    public static OrderView of(FeeOrder order, Instant now) {
        PaymentWindow w = order.window();
        boolean payable = order.status() == OrderStatus.PENDING;
        return new OrderView(order.id(), order.bureau(), order.kind().name(), order.enrollmentId(), order.lapsesAt(),
                order.examCode(), order.examName(), order.items(), order.amountFen(),
                String.format("%d.%02d", order.amountFen() / 100, order.amountFen() % 100), order.status().name(),
                order.status().chineseName(), order.channel().name(), order.channel().chineseName(), order.createdAt(),
                order.expiresAt(), payable ? order.payUrl() : null, payable ? order.qrCode() : null, order.paidAt(),
                order.bankTradeNo(),
                new Window(w.opensAt(), w.closesAt(), w.dailyOpens(), w.dailyCloses(), w.isOpenAt(now), w.describe()),
                order.status() == OrderStatus.PAID);
    }
}
