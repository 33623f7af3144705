package org.baokao.payment.channel;

import java.time.LocalDate;
import java.util.Map;

/**
 * One bank channel (PAY-2) as payment-service needs it. Every answer that tells of money is signature-checked
 * before it is returned; a bank that cannot be reached throws {@link ChannelUnavailableException}.
 */
public interface PaymentChannel {

    Channel channel();

    /**
     * Opens (or, for the same order number, returns) the bank order the candidate pays on. {@code merchantName} is the
     * bureau (考试院) that collects the fee, shown on the bank's page; null if unknown.
     */
    BankOrder createOrder(String orderNo, long amountFen, String subject, String merchantName, String notifyUrl,
            String returnUrl);

    /** The bank's verified view of the order. */
    BankTrade query(String orderNo);

    /** Closes a waiting order at the bank; the answer says what the order is now (a paid one stays paid). */
    BankTrade close(String orderNo);

    /** Refunds (idempotent by refund number); true when the bank refunded. */
    boolean refund(String orderNo, String refundNo, long amountFen);

    /** The daily statement file (CSV) of a day, Asia/Shanghai. */
    String statement(LocalDate day);

    /** Whether these notification parameters carry this bank's valid signature. */
    boolean verify(Map<String, String> params);

    /** The answer the bank expects to a notification, accepted or not. */
    Acknowledgement acknowledgement(boolean accepted);

    record BankOrder(String payUrl, String qrCode) {
    }

    /** tradeStatus WAITING, SUCCESS, CLOSED or NOT_FOUND; bankTradeNo and paidAt only when paid. */
    record BankTrade(String orderNo, String tradeStatus, Long amountFen, String bankTradeNo, java.time.Instant paidAt) {

        public boolean paid() {
            return "SUCCESS".equals(tradeStatus);
        }
    }

    record Acknowledgement(String contentType, String body) {
    }
}
