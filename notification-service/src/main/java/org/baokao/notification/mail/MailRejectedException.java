package org.baokao.notification.mail;

/**
 * A mail request that can never be sent as it is: unknown template, missing parameter, an address that is not
 * one, a recipient the mail server refuses for good (5xx). Not retried: it goes straight to the dead letters for an
 * operator, never silently dropped.
 */
public final class MailRejectedException extends MailDeliveryFailure {

    MailRejectedException(String reason, String message) {
        super(reason, message);
    }

    static MailRejectedException unknownTemplate(String template) {
        return new MailRejectedException("TEMPLATE_UNKNOWN", "未知的邮件模板：" + template);
    }

    static MailRejectedException missingParam(String template, String param) {
        return new MailRejectedException("PARAM_MISSING", "邮件模板 " + template + " 缺少参数 " + param);
    }

    static MailRejectedException incomplete(String what) {
        return new MailRejectedException("REQUEST_INCOMPLETE", "邮件请求缺少" + what);
    }

    static MailRejectedException invalidAddress() {
        return new MailRejectedException("ADDRESS_INVALID", "收件人邮箱格式不正确");
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
