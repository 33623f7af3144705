package org.baokao.sandbox.sms;

import java.time.Instant;

/** One SMS as the gateway received it from the platform. */
public record SmsMessage(String messageId, String phone, String content, Instant receivedAt) {
}
