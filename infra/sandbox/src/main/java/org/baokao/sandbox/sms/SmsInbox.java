package org.baokao.sandbox.sms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Every SMS the sandbox gateway accepted, newest first, bounded so a load test cannot exhaust memory. */
@Component
class SmsInbox {

    private final Deque<SmsMessage> messages = new ArrayDeque<>();
    private final int capacity;

    SmsInbox(Settings settings) {
        this.capacity = settings.capacity();
    }

    synchronized void add(SmsMessage message) {
        messages.addFirst(message);
        while (messages.size() > capacity) {
            messages.removeLast();
        }
    }

    synchronized List<SmsMessage> newestFirst(String phone, int limit) {
        return messages.stream().filter(m -> phone == null || phone.isBlank() || m.phone().equals(phone))
                .limit(limit).toList();
    }

    @ConfigurationProperties("sandbox.sms")
    record Settings(int capacity) {
    }
}
