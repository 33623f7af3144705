package org.baokao.notification.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;

/**
 * Sorts what sending through SMTP threw into "try later" and "never" by the server's reply code: 4xx and no answer
 * at all may pass later, 5xx will not. Only the code is kept: the reply's text may echo the recipient's address.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static MailDeliveryFailure classify(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return new MailServerUnavailableException("SMTP_AUTH_FAILED", "邮件服务器拒绝登录，请检查发信账号配置");
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return new MailRejectedException("MAIL_INVALID", "邮件无法生成（" + rootName(e) + "）");
        }
        Throwable cause = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next()
                : e.getCause();
        Integer reply = replyCode(cause);
        if (reply != null && reply >= 500) {
            return new MailRejectedException("SMTP_REJECTED", "邮件服务器拒绝投递：SMTP " + reply);
        }
        if (reply != null && reply >= 400) {
            return new MailServerUnavailableException("SMTP_TEMPORARY", "邮件服务器暂时无法接收：SMTP " + reply);
        }
        if (unreachable(cause)) {
            return new MailServerUnavailableException("SMTP_UNREACHABLE", "邮件服务器无响应（" + rootName(e) + "）");
        }
        return new MailServerUnavailableException("SMTP_FAILED", "邮件发送失败（" + rootName(e) + "）");
    }

    private static Integer replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            switch (t) {
                case SMTPAddressFailedException address -> {
                    return address.getReturnCode();
                }
                case SMTPSenderFailedException sender -> {
                    return sender.getReturnCode();
                }
                case SMTPSendFailedException send -> {
                    return send.getReturnCode();
                }
                default -> {
                    // look further down the chain
                }
            }
        }
        return null;
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Jakarta Mail chains a send's failures through getNextException, the JDK through getCause. */
    private static Throwable next(Throwable t) {
        Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : t.getCause();
        return next == t ? null : next;
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = next(t)) {
            root = t;
        }
        return root.getClass().getSimpleName();
    }
}
