package org.baokao.messaging;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxRelay;

/**
 * A service process that dies at the worst moment, run as its own JVM by {@link OutboxCrashTest}.
 * {@code before-publish}: commits events, then dies without relaying them.
 * {@code after-publish}: commits events, relays them, and dies as soon as the broker acknowledged the first
 * one, before the relay could mark anything sent. It prints the committed event ids, one per line.
 */
public final class OutboxCrashDrill {

    public static void main(String[] args) {
        String mode = args[0];
        MessagingFixture fixture = new MessagingFixture(args[1], args[2], args[3]);
        String bootstrap = args[4];
        UUID candidate = UUID.fromString(args[5]);
        int count = Integer.parseInt(args[6]);

        Outbox outbox = fixture.outbox(() -> { });
        for (int sequence = 0; sequence < count; sequence++) {
            System.out.println(fixture.commit(outbox, MessagingFixture.event(candidate, sequence)));
        }
        System.out.flush();
        if (mode.equals("before-publish")) {
            Runtime.getRuntime().halt(137);
        }
        OutboxRelay relay = fixture.relay(bootstrap,
                Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, DieOnFirstAck.class.getName()));
        relay.relayOnce();
        System.err.println("the drill should have died before the relay marked its batch");
        Runtime.getRuntime().halt(3);
    }

    /** Kills the process from the producer's network thread the moment the broker has the first event. */
    public static final class DieOnFirstAck implements ProducerInterceptor<String, String> {

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                Runtime.getRuntime().halt(137);
            }
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
