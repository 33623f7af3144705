package org.baokao.payment.channel;

import java.util.Arrays;
import java.util.Optional;

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

    /** The channel called {@code name} (e.g. {@code UNIONPAY}), if this platform has it. */
    public static Optional<Channel> named(String name) {
        return Arrays.stream(values()).filter(channel -> channel.name().equals(name)).findFirst();
    }
}
