package org.baokao.sandbox.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every SMS the sandbox gateway accepted, bounded so a load test cannot exhaust memory. Like a real gateway it
 * accepts a request id once: a retry with the same idempotency key gets the first answer back and no second SMS.
 */
@Component
class SmsInbox {

    // insertion order = arrival order; the eldest is dropped past the capacity
    private final LinkedHashMap<String, SmsMessage> messagesById;
    private final Map<String, String> messageIdByRequestId = new HashMap<>();
    // journeys ask for a phone's latest message many times a second: no scan of the whole inbox for that
    private final Map<String, SmsMessage> latestByPhone = new HashMap<>();

    SmsInbox(Settings settings) {
        int capacity = settings.capacity();
        this.messagesById = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SmsMessage> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    SmsMessage dropped = eldest.getValue();
                    if (dropped.clientRequestId() != null) {
                        messageIdByRequestId.remove(dropped.clientRequestId());
                    }
                    latestByPhone.remove(dropped.phone(), dropped);
                }
                return full;
            }
        };
    }

    /** Accepts a message, or returns the one already accepted under the same request id. */
    synchronized Acceptance accept(String requestId, String phone, String content, Instant now) {
        if (requestId != null && messageIdByRequestId.containsKey(requestId)) {
            SmsMessage first = messagesById.get(messageIdByRequestId.get(requestId));
            if (!first.sameAs(phone, content)) {
                return new Acceptance(first, Outcome.KEY_REUSED);
            }
            SmsMessage again = first.submittedAgain();
            messagesById.put(again.messageId(), again); // replacing keeps its place in the arrival order
            latestByPhone.replace(phone, first, again);
            return new Acceptance(again, Outcome.REPLAYED);
        }
        SmsMessage message = new SmsMessage(UUID.randomUUID().toString(), requestId, phone, content, now, 1);
        messagesById.put(message.messageId(), message);
        latestByPhone.put(phone, message);
        if (requestId != null) {
            messageIdByRequestId.put(requestId, message.messageId());
        }
        notifyAll();
        return new Acceptance(message, Outcome.ACCEPTED);
    }

    synchronized List<SmsMessage> newestFirst(String phone, int limit) {
        return messagesById.sequencedValues().reversed().stream()
                .filter(m -> phone == null || phone.isBlank() || m.phone().equals(phone))
                .limit(limit).toList();
    }

    synchronized Optional<SmsMessage> latest(String phone) {
        return Optional.ofNullable(latestByPhone.get(phone));
    }

    /**
     * The phone's latest message once it is not {@code knownMessageId} any more, waiting up to {@code patience}
     * for it: a journey that just asked for a code learns of it the moment it arrives, without polling.
     */
    synchronized Optional<SmsMessage> latestAfter(String phone, String knownMessageId, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            SmsMessage latest = latestByPhone.get(phone);
            if (latest != null && !latest.messageId().equals(knownMessageId)) {
                return Optional.of(latest);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /**
     * The phone's latest message if it arrived at or after {@code since}, waiting up to {@code patience} for one:
     * a journey notes the time, asks for a code and learns of it the moment it arrives, without first asking
     * which message was the latest (the sandbox and the journey share the machine's clock).
     */
    synchronized Optional<SmsMessage> latestSince(String phone, Instant since, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            SmsMessage latest = latestByPhone.get(phone);
            if (latest != null && !latest.receivedAt().isBefore(since)) {
                return Optional.of(latest);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    enum Outcome {
        ACCEPTED, REPLAYED, KEY_REUSED
    }

    record Acceptance(SmsMessage message, Outcome outcome) {
    }

    @ConfigurationProperties("sandbox.sms")
    record Settings(int capacity) {
    }
}
