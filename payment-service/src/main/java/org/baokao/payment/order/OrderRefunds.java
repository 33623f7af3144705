package org.baokao.payment.order;

import java.util.UUID;

/**
 * Money an order cannot keep (a second payment, a payment after the order closed) goes back. The order feature says
 * when; the refund feature implements how, so order depends on this interface and refund on order, never both ways.
 */
public interface OrderRefunds {

    /** Records the refund due for one bank payment; call inside the transaction recording the payment. */
    UUID request(FeeOrder order, String bankTradeNo, long amountFen, String reason);

    /** The refund reason of a paid order a finance officer refunded (OPS-3), beside the automatic ones (PAY-5). */
    String OPERATOR_REFUND = "OPERATOR_REFUND";

    /**
     * Records the refund of a paid order's payment a finance officer asked for, with who and the reason typed; call
     * inside the transaction that marks the order refunded. One refund per bank payment: asked again, the refund
     * already recorded is answered.
     */
    UUID requestByOperator(FeeOrder order, String bankTradeNo, long amountFen, String operator, String operatorName,
            String note);

    /** Refunds at the bank and records it, after that transaction; false when it must be tried again later. */
    boolean process(UUID refundId);
}
