package org.baokao.sandbox.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what a person would see of a received mail: the decoded subject (RFC 2047), the sender as written
 * ({@code 上海市教育考试院 <noreply@baokao.local>}), the text of the body in its declared charset.
 */
final class ReceivedMail {

    private ReceivedMail() {
    }

    static MailMessage read(MimeMessage mime, String recipient, Instant receivedAt) {
        try {
            return new MailMessage(UUID.randomUUID().toString(), recipient, from(mime),
                    mime.getSubject() == null ? "" : mime.getSubject(), text(mime), mime.getMessageID(), receivedAt);
        } catch (MessagingException | IOException e) {
            // the sender's mail is taken anyway: a sandbox that refused an odd mail would hide what was sent
            return new MailMessage(UUID.randomUUID().toString(), recipient, "", "", "（沙箱无法解析此邮件："
                    + e.getClass().getSimpleName() + "）", null, receivedAt);
        }
    }

    private static String from(MimeMessage mime) throws MessagingException {
        Address[] from = mime.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        if (from[0] instanceof InternetAddress address) {
            // not toUnicodeString(): that quotes a Chinese name, which no mail client shows
            return address.getPersonal() == null ? address.getAddress()
                    : address.getPersonal() + " <" + address.getAddress() + ">";
        }
        return from[0].toString();
    }

    /** The first text/plain part; else the first text/html part as it is; else a note that there is no text. */
    private static String text(Part part) throws MessagingException, IOException {
        String plain = firstOf(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = firstOf(part, "text/html");
        return html != null ? html : "（无文本内容）";
    }

    private static String firstOf(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = firstOf(parts.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
