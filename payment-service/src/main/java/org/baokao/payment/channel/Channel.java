package org.baokao.payment.channel;

import org.baokao.domain.DomainModel;

/** The payment channels a bureau contracts with (PAY-2). */
@DomainModel
public enum Channel {
    UNIONPAY("中国银联"),
    CEB("中国光大银行"),
    PUBLIC_PAYMENT_PLATFORM("公共支付平台");

    private final String chineseName;

    Channel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
