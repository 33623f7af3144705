package org.baokao.sandbox.mail;

import java.time.Instant;

/**
 * One mail as the sandbox's SMTP server received it for one recipient: a mail to two addresses is two of these,
 * as it would be two mailboxes' copies. {@code id} is the sandbox's; {@code messageId} is the sender's
 * {@code Message-ID} header (null if it sent none), which names the same mail in the sender's logs.
 */
public record MailMessage(String id, String to, String from, String subject, String body, String messageId,
        Instant receivedAt) {
}
