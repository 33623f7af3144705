package org.baokao.payment.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.payment.channel.Channel;
import org.baokao.payment.channel.ChannelUnavailableException;
import org.baokao.payment.channel.PaymentChannel;
import org.baokao.payment.channel.PaymentChannels;
import org.baokao.payment.order.Orders;
import org.baokao.payment.order.Orders.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * PAY-4: a bank notification is believed only with the bank's valid signature over all its parameters (a changed
 * amount breaks it), then recorded once per bank trade ({@link Orders#bankPaid}). Refused ones change nothing but a
 * row in {@code rejected_notification}, a warning and the metric {@code baokao.payment.notifications{outcome=rejected}}.
 */
@Component
class NotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(NotificationHandler.class);

    enum Verdict { ACCEPTED, DUPLICATE, REJECTED }

    /** Why a notification is refused: the reasons below, each one tag value. */
    static final List<String> REJECTIONS = List.of("KEY_UNAVAILABLE", "INVALID_SIGNATURE", "NOT_A_PAYMENT",
            "MALFORMED", "UNKNOWN_ORDER");

    private final PaymentChannels channels;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    NotificationHandler(PaymentChannels channels, Orders orders, JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.channels = channels;
        this.orders = orders;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
        // the rejections finance's board and the alert on rejected notifications read: at zero from the start, so
        // they read 0 rather than nothing until the first one (issue 24)
        for (Channel channel : Channel.values()) {
            for (String reason : REJECTIONS) {
                meters.counter("baokao.payment.notifications", "channel", channel.name(), "outcome",
                        Verdict.REJECTED.name().toLowerCase(), "reason", reason);
            }
        }
    }

    Verdict handle(Channel channel, Map<String, String> params) {
        PaymentChannel bank = channels.of(channel);
        boolean signed;
        try {
            signed = bank.verify(params);
        } catch (ChannelUnavailableException e) {
            // cannot fetch the bank's key: not acknowledged, the bank sends it again later
            log.warn("{} notification not verifiable now: {}", channel, e.getMessage());
            return count(channel, Verdict.REJECTED, "KEY_UNAVAILABLE");
        }
        if (!signed) {
            return reject(channel, params, "INVALID_SIGNATURE");
        }
        if (!channel.name().equals(params.get("channel")) || !"SUCCESS".equals(params.get("tradeStatus"))) {
            return reject(channel, params, "NOT_A_PAYMENT");
        }
        long amountFen;
        Instant paidAt;
        try {
            amountFen = Long.parseLong(params.get("amountFen"));
            paidAt = Instant.parse(params.get("paidAt"));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            return reject(channel, params, "MALFORMED");
        }
        Outcome outcome = orders.bankPaid(channel, params.get("orderNo"), params.get("bankTradeNo"), amountFen, paidAt,
                Orders.Source.NOTIFICATION);
        return switch (outcome) {
            case SETTLED, REFUNDING -> count(channel, Verdict.ACCEPTED, outcome.name());
            case DUPLICATE -> count(channel, Verdict.DUPLICATE, "DUPLICATE");
            case UNKNOWN_ORDER -> reject(channel, params, "UNKNOWN_ORDER");
        };
    }

    private Verdict reject(Channel channel, Map<String, String> params, String reason) {
        String orderNo = params.get("orderNo");
        if (orderNo != null && orderNo.length() > 64) {
            orderNo = orderNo.substring(0, 64);
        }
        jdbc.sql("insert into rejected_notification (id, channel, reason, order_no, received_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), channel.name(), reason, orderNo, Timestamp.from(clock.instant())).update();
        log.warn("{} notification rejected ({}), order {}", channel, reason, orderNo);
        return count(channel, Verdict.REJECTED, reason);
    }

    private Verdict count(Channel channel, Verdict verdict, String reason) {
        meters.counter("baokao.payment.notifications", "channel", channel.name(), "outcome",
                verdict.name().toLowerCase(), "reason", reason).increment();
        return verdict;
    }
}
