package org.baokao.payment.order;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.payment.channel.Channel;

/**
 * The Orders desk's filters (OPS-3), each optional: the exam, the status, the channel, the Beijing days the order
 * was created on (from and to, both included), and an order number: the order's id (with or without dashes, as the
 * bank knows it), its first 8 or more characters, or the bank's trade number (银行流水号). Anything unreadable is
 * refused with the field named, never ignored.
 */
@DomainModel
public record OrderFilter(String examCode, OrderStatus status, Channel channel, LocalDate createdFrom,
        LocalDate createdTo, String orderNoPrefix, String bankTradeNo, UUID candidateId) {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public static OrderFilter of(String examCode, String status, String channel, String createdFrom,
            String createdTo, String orderNo, String candidateId) {
        LocalDate from = date(createdFrom, "createdFrom");
        LocalDate to = date(createdTo, "createdTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("INVALID_DATE", "结束日期不能早于开始日期");
        }
        String number = blankToNull(orderNo);
        String prefix = null;
        String trade = null;
        if (number != null) {
            String hex = number.replace("-", "").toLowerCase(Locale.ROOT);
            if (number.length() > 64) {
                throw Refusal.invalid("INVALID_ORDER_NO", "订单号或银行流水号格式不正确");
            }
            // a bank's trade number may look like the start of an order number: the filter matches either
            prefix = hex.matches("[0-9a-f]{8,32}") ? hex : null;
            trade = number;
        }
        return new OrderFilter(blankToNull(examCode), status(status), channel(channel), from, to, prefix, trade,
                uuid(candidateId));
    }

    private static OrderStatus status(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_STATUS", "订单状态不正确");
        }
    }

    private static Channel channel(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        return Channel.named(text.strip()).orElseThrow(() -> Refusal.invalid("INVALID_CHANNEL", "支付渠道不正确"));
    }

    private static LocalDate date(String text, String field) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_DATE", "日期格式须为yyyy-MM-dd（" + field + "）");
        }
    }

    private static UUID uuid(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_CANDIDATE_ID", "考生编号格式不正确");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
