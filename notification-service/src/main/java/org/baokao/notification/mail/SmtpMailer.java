package org.baokao.notification.mail;

import java.io.UnsupportedEncodingException;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends through the SMTP server of {@code spring.mail.*} (the sandbox's locally and in demos): plain text, UTF-8,
 * from {@code baokao.mail.from} with the bureau's name beside it. The Message-ID is made of the request id, so
 * the mail server's logs and the recipient's mailbox name the same request as {@code mail_delivery}, and a mail
 * sent again after a lost commit is recognisably the same one.
 */
final class SmtpMailer implements Mailer {

    private final JavaMailSender smtp;
    private final String from;
    private final String messageIdDomain;

    SmtpMailer(JavaMailSender smtp, String from) {
        this.smtp = smtp;
        this.from = from;
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
    }

    @Override
    public String send(OutgoingMail mail) {
        String messageId = "<" + mail.requestId() + "@" + messageIdDomain + ">";
        MimeMessage message = compose(mail, messageId);
        try {
            smtp.send(message);
        } catch (MailException e) {
            throw SmtpFailures.classify(e);
        }
        return messageId;
    }

    private MimeMessage compose(OutgoingMail mail, String messageId) {
        InternetAddress to;
        try {
            to = new InternetAddress(mail.to(), true);
        } catch (AddressException e) {
            throw MailRejectedException.invalidAddress();
        }
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            if (mail.senderName() == null || mail.senderName().isBlank()) {
                helper.setFrom(from);
            } else {
                helper.setFrom(from, mail.senderName());
            }
            helper.setTo(to);
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            // JavaMailSenderImpl keeps a Message-ID set beforehand instead of making its own
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailRejectedException("MAIL_INVALID", "邮件无法生成（" + e.getClass().getSimpleName() + "）");
        }
    }
}
