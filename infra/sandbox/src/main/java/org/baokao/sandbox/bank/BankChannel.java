package org.baokao.sandbox.bank;

import java.util.Arrays;
import java.util.Optional;

/**
 * The banks the sandbox plays (PAY-2), each with the answer it expects to a notification: a merchant that does not
 * answer in the bank's own format has not acknowledged it, and the bank keeps retrying.
 */
enum BankChannel {
    UNIONPAY("中国银联", "UP", "ok"),
    CEB("中国光大银行", "CEB", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><RespCode>0000</RespCode></Response>"),
    PUBLIC_PAYMENT_PLATFORM("公共支付平台", "PPP", "{\"code\":\"SUCCESS\"}");

    private final String chineseName;
    private final String tradePrefix;
    private final String acknowledgement;

    BankChannel(String chineseName, String tradePrefix, String acknowledgement) {
        this.chineseName = chineseName;
        this.tradePrefix = tradePrefix;
        this.acknowledgement = acknowledgement;
    }

    static Optional<BankChannel> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code)).findFirst();
    }

    String chineseName() {
        return chineseName;
    }

    String tradePrefix() {
        return tradePrefix;
    }

    /** Whether the merchant's answer body acknowledges the notification in this bank's format. */
    boolean isAcknowledgement(String body) {
        return body != null && body.strip().replace(" ", "").equals(acknowledgement.replace(" ", ""));
    }

    /** The public payment platform pays by scanning a QR code (Shanghai); the others by a redirect. */
    boolean paysByQrCode() {
        return this == PUBLIC_PAYMENT_PLATFORM;
    }
}
