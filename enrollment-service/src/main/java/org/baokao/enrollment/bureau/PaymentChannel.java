package org.baokao.enrollment.bureau;

import org.baokao.domain.DomainModel;

/** The payment channels payment-service can route a candidate to (PAY-2); a bureau's rules pick one per region. */
@DomainModel
public enum PaymentChannel {
    /** 银联 (Qingdao candidates of Shandong). */
    UNIONPAY,
    /** 光大银行 (other Shandong cities). */
    CEB,
    /** 上海市公共支付平台, QR code (Shanghai theory courses). */
    PUBLIC_PAYMENT_PLATFORM
}
