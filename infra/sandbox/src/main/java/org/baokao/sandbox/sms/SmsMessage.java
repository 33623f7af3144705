package org.baokao.sandbox.sms;

import java.time.Instant;

/**
 * One SMS as the gateway accepted it from the platform. {@code clientRequestId} is the caller's idempotency key
 * (null if it sent none); {@code submissions} counts how often the caller submitted it: more than one means the
 * gateway deduplicated retries, and the person still received it once.
 */
public record SmsMessage(String messageId, String clientRequestId, String phone, String content, Instant receivedAt,
        int submissions) {

    SmsMessage submittedAgain() {
        return new SmsMessage(messageId, clientRequestId, phone, content, receivedAt, submissions + 1);
    }

    boolean sameAs(String otherPhone, String otherContent) {
        return phone.equals(otherPhone) && content.equals(otherContent);
    }
}
