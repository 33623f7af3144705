package org.baokao.payment.order;

import java.util.UUID;

/**
 * Money an order cannot keep (a second payment, a payment after the order closed) goes back. The order feature says
 * when; the refund feature implements how, so order depends on this interface and refund on order, never both ways.
 */
public interface OrderRefunds {

    /** Records the refund due for one bank payment; call inside the transaction recording the payment. */
    UUID request(FeeOrder order, String bankTradeNo, long amountFen, String reason);

    /** Refunds at the bank and records it, after that transaction; false when it must be tried again later. */
    boolean process(UUID refundId);
}
