package org.baokao.notification.sms;

/**
 * An SMS request that can never be sent as it is: unknown template, missing parameter, a phone number the gateway
 * refuses. Not retried: it goes straight to the dead letters for an operator, never silently dropped.
 */
public final class SmsRejectedException extends SmsDeliveryFailure {

    SmsRejectedException(String reason, String message) {
        super(reason, message);
    }

    static SmsRejectedException unknownTemplate(String template) {
        return new SmsRejectedException("TEMPLATE_UNKNOWN", "未知的短信模板：" + template);
    }

    static SmsRejectedException missingParam(String template, String param) {
        return new SmsRejectedException("PARAM_MISSING", "短信模板 " + template + " 缺少参数 " + param);
    }

    static SmsRejectedException incomplete(String what) {
        return new SmsRejectedException("REQUEST_INCOMPLETE", "短信请求缺少" + what);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
