package org.baokao.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The dead letters of this service: parked on the topic's {@code .DLT} and in a table operators can list,
 * and replayed to the original topic once the cause is fixed.
 */
public class DeadLetters {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Producer<String, String> producer;
    private final MeterRegistry meters;

    public DeadLetters(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, String> producer,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producer = producer;
        this.meters = meters;
    }

    /** Parks a record the consumer could not apply: recorded first, so nothing is lost if the DLT is down. */
    public void park(String consumer, ConsumerRecord<?, ?> record, Exception cause) {
        String payload = String.valueOf(record.value());
        EventEnvelope envelope = tryRead(payload);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                insert into messaging.dead_letter (id, consumer, topic, kafka_partition, kafka_offset, record_key,
                                                   event_id, event_type, payload, error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (consumer, topic, kafka_partition, kafka_offset) do nothing""")
                .params(UUID.randomUUID(), consumer, record.topic(), record.partition(), record.offset(),
                        record.key() == null ? null : String.valueOf(record.key()),
                        envelope == null ? null : envelope.eventId(), envelope == null ? null : envelope.type(),
                        payload, describe(cause))
                .update());
        send(new ProducerRecord<>(Topics.deadLetter(record.topic()), null,
                record.key() == null ? null : String.valueOf(record.key()), payload,
                List.of(new org.apache.kafka.common.header.internals.RecordHeader("baokao-consumer",
                        consumer.getBytes(StandardCharsets.UTF_8)))));
        meters.counter("baokao.inbox.deadlettered", "consumer", consumer, "topic", record.topic()).increment();
    }

    public List<DeadLetter> open(int limit) {
        return jdbc.sql("select * from messaging.dead_letter where replayed_at is null order by failed_at limit ?")
                .param(limit).query(DeadLetters::map).list();
    }

    /** The newest dead letters, open ones, replayed ones or both (at least one of the two), newest first. */
    public List<DeadLetter> newest(boolean open, boolean replayed, int limit) {
        String which = open && replayed ? "true" : open ? "replayed_at is null" : "replayed_at is not null";
        return jdbc.sql("select * from messaging.dead_letter where " + which + " order by failed_at desc limit ?")
                .param(limit).query(DeadLetters::map).list();
    }

    public Optional<DeadLetter> find(UUID id) {
        return jdbc.sql("select * from messaging.dead_letter where id = ?").param(id).query(DeadLetters::map)
                .optional();
    }

    /**
     * Sends the event back to its original topic, once. Returns false if it was already replayed.
     * The consumer's inbox never recorded it (its transaction rolled back), so it will be applied.
     */
    public boolean replay(UUID id) {
        Boolean replayed = transactions.execute(status -> {
            Optional<DeadLetter> letter = jdbc.sql("""
                    select * from messaging.dead_letter where id = ? and replayed_at is null for update""")
                    .param(id).query(DeadLetters::map).optional();
            if (letter.isEmpty()) {
                return false;
            }
            DeadLetter dead = letter.get();
            send(new ProducerRecord<>(dead.topic(), dead.key(), dead.payload()));
            jdbc.sql("update messaging.dead_letter set replayed_at = now() where id = ?").param(id).update();
            return true;
        });
        return Boolean.TRUE.equals(replayed);
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    private static EventEnvelope tryRead(String payload) {
        try {
            return EventCodec.read(payload);
        } catch (EventCodec.MalformedEventException e) {
            return null;
        }
    }

    private static String describe(Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static DeadLetter map(ResultSet row, int n) throws SQLException {
        Timestamp replayed = row.getTimestamp("replayed_at");
        return new DeadLetter(row.getObject("id", UUID.class), row.getString("consumer"), row.getString("topic"),
                row.getInt("kafka_partition"), row.getLong("kafka_offset"), row.getString("record_key"),
                row.getObject("event_id", UUID.class), row.getString("event_type"), row.getString("payload"),
                row.getString("error"), row.getTimestamp("failed_at").toInstant(),
                replayed == null ? null : replayed.toInstant());
    }
}
