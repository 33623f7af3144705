package org.baokao.notification.mail;

import java.util.UUID;

/**
 * One mail to hand to the mail server: {@code requestId} becomes its Message-ID, {@code senderName} (may be null)
 * the name beside the configured sender address. Printed, it shows neither the address nor the text.
 */
record OutgoingMail(UUID requestId, String to, String senderName, String subject, String body) {

    @Override
    public String toString() {
        return "OutgoingMail[requestId=" + requestId + ", to=" + AddressMask.mask(to) + "]";
    }
}
