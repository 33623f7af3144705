package org.baokao.sandbox.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Every mail the sandbox's SMTP server accepted, per recipient, bounded so a load test cannot exhaust memory (the
 * eldest is dropped past {@code sandbox.mail.capacity}). Addresses are compared without case, as mailboxes are.
 */
@Component
class MailInbox {

    // insertion order = arrival order; the eldest is dropped past the capacity
    private final LinkedHashMap<String, MailMessage> messagesById;
    private final Map<String, MailMessage> latestByRecipient = new HashMap<>();

    MailInbox(MailSettings settings) {
        int capacity = settings.capacity();
        this.messagesById = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MailMessage> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    latestByRecipient.remove(key(eldest.getValue().to()), eldest.getValue());
                }
                return full;
            }
        };
    }

    synchronized void accept(MailMessage message) {
        messagesById.put(message.id(), message);
        latestByRecipient.put(key(message.to()), message);
        notifyAll();
    }

    /** The newest first; {@code to} null or blank for every recipient's. */
    synchronized List<MailMessage> newestFirst(String to, int limit) {
        return messagesById.sequencedValues().reversed().stream()
                .filter(m -> to == null || to.isBlank() || key(m.to()).equals(key(to)))
                .limit(limit).toList();
    }

    synchronized Optional<MailMessage> latest(String to) {
        return Optional.ofNullable(latestByRecipient.get(key(to)));
    }

    /**
     * The address's latest mail if it arrived at or after {@code since}, waiting up to {@code patience} for one:
     * a journey notes the time, asks for a mail and learns of it the moment it arrives, without polling.
     */
    synchronized Optional<MailMessage> latestSince(String to, Instant since, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            MailMessage latest = latestByRecipient.get(key(to));
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

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
