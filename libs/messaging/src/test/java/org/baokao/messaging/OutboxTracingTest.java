package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.messaging.MessagingFixture.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.messaging.outbox.CausingEvent;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.tracing.MicrometerTraceParents;
import org.baokao.tracing.TraceParents;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;

/**
 * Issue 24, traces through Kafka: an outbox row keeps the trace context of the transaction that stored it, and the
 * relay sends it in a producer span of that trace whose context is the record's {@code traceparent} header; events
 * published while handling another carry its chain (correlation id) and name it (causation id). Real PostgreSQL and
 * Kafka (test kit), a real Brave tracer with W3C propagation, as Boot configures it.
 */
class OutboxTracingTest {

    private final MessagingFixture fixture = new MessagingFixture();
    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private final Tracing tracing = Tracing.newBuilder()
            .localServiceName("account-service")
            .sampler(Sampler.ALWAYS_SAMPLE)
            .traceId128Bit(true) // as Boot configures Brave: W3C trace ids have 128 bits
            .propagationFactory(new W3CPropagation())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            })
            .build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(),
            new BraveCurrentTraceContext(tracing.currentTraceContext()));
    private final TraceParents traces = new MicrometerTraceParents(tracer, new BravePropagator(tracing));
    private final String bootstrap = TestServers.kafkaBootstrapServers();

    @AfterEach
    void close() {
        fixture.close();
        tracing.close();
    }

    @Test
    void theRecordCarriesTheTraceOfTheRequestThatStoredTheEventThroughAnOutboxSpan() {
        OutboxRelay relay = relay();
        Outbox outbox = new Outbox(fixture.jdbc, java.time.Clock.systemUTC(), relay::wakeUp, traces);
        UUID candidate = UUID.randomUUID();

        Span request = tracer.nextSpan().name("POST /api/accounts/public/sms-codes/registration").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            fixture.commit(outbox, event(candidate, 1));
        } finally {
            request.end();
        }
        String storedTrace = fixture.jdbc.sql("select trace_parent from messaging.outbox where event_key = ?")
                .param(candidate.toString()).query(String.class).single();
        assertThat(storedTrace).as("the row keeps the request's context")
                .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");

        relay.start();
        ConsumerRecord<String, String> record = receiveOne(candidate);

        String header = traceparent(record);
        assertThat(header).as("record header traceparent").isNotNull();
        String[] parts = header.split("-");
        assertThat(parts[1]).as("the request's trace id").isEqualTo(request.context().traceId());
        MutableSpan outboxSpan = awaitSpan("outbox account.events");
        assertThat(parts[2]).as("the consumer's parent is the relay's span").isEqualTo(outboxSpan.id());
        assertThat(outboxSpan.parentId()).as("the relay's span is a child of the request's").isEqualTo(request.context().spanId());
        assertThat(outboxSpan.traceId()).isEqualTo(request.context().traceId());
        assertThat(outboxSpan.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
        assertThat(outboxSpan.tags()).containsEntry("messaging.destination.name", "account.events");
    }

    @Test
    void anEventStoredWithoutATraceIsSentWithoutTraceHeaders() {
        OutboxRelay relay = relay();
        Outbox outbox = new Outbox(fixture.jdbc, java.time.Clock.systemUTC(), relay::wakeUp, traces);
        UUID candidate = UUID.randomUUID();

        fixture.commit(outbox, event(candidate, 1)); // no span current: a job, or tracing off
        relay.start();
        ConsumerRecord<String, String> record = receiveOne(candidate);

        assertThat(traceparent(record)).isNull();
    }

    @Test
    void anEventPublishedWhileHandlingAnotherJoinsItsChainAndNamesItsCause() {
        Outbox outbox = new Outbox(fixture.jdbc, java.time.Clock.systemUTC(), () -> { }, traces);
        UUID candidate = UUID.randomUUID();
        EventEnvelope first = EventCodec.envelope(event(candidate, 0), UUID.randomUUID(), java.time.Instant.now());
        EventEnvelope second = EventCodec.envelope(event(candidate, 1), UUID.randomUUID(), java.time.Instant.now(), first);

        UUID started = fixture.commit(outbox, event(candidate, 2));
        UUID[] caused = new UUID[1];
        CausingEvent.during(second, () -> caused[0] = fixture.commit(outbox, event(candidate, 3)));

        EventEnvelope alone = stored(started);
        assertThat(alone.correlationId()).as("a request's event starts its chain").isEqualTo(started);
        assertThat(alone.causationId()).isNull();
        EventEnvelope handled = stored(caused[0]);
        assertThat(handled.correlationId()).as("the chain's first event").isEqualTo(first.eventId());
        assertThat(handled.causationId()).as("the event being handled").isEqualTo(second.eventId());
        assertThat(CausingEvent.current()).as("nothing left on the thread").isNull();
    }

    private OutboxRelay relay() {
        return fixture.relay(bootstrap, Map.of(), MessagingFixture.FAST, traces);
    }

    private EventEnvelope stored(UUID eventId) {
        return EventCodec.read(fixture.jdbc.sql("select envelope from messaging.outbox where event_id = ?")
                .param(eventId).query(String.class).single());
    }

    private ConsumerRecord<String, String> receiveOne(UUID candidate) {
        try (KafkaConsumer<String, String> consumer = MessagingFixture.consumer(bootstrap)) {
            List<ConsumerRecord<String, String>> received = MessagingFixture.receive(consumer,
                    Set.of(candidate.toString()), r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(received).hasSize(1);
            return received.getFirst();
        }
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private MutableSpan awaitSpan(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (MutableSpan span : finished) {
                if (name.equals(span.name())) {
                    return span;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no span " + name + " among " + finished);
    }
}
