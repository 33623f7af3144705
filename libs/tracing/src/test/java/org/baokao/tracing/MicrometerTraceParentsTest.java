package org.baokao.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import brave.Tracing;
import brave.sampler.Sampler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;

/** Issue 24: the trace context as a W3C traceparent, held across threads (the outbox) and continued later. */
class MicrometerTraceParentsTest {

    private final Tracing tracing = Tracing.newBuilder().traceId128Bit(true).sampler(Sampler.ALWAYS_SAMPLE)
            .propagationFactory(new W3CPropagation()).build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(),
            new BraveCurrentTraceContext(tracing.currentTraceContext()));
    private final TraceParents traces = new MicrometerTraceParents(tracer, new BravePropagator(tracing));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void theCurrentSpanIsItsTraceparentAndNoSpanIsNull() {
        assertThat(traces.current()).isNull();

        Span span = tracer.nextSpan().start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            assertThat(traces.current())
                    .isEqualTo("00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
        } finally {
            span.end();
        }
    }

    @Test
    void aSendingSpanContinuesTheStoredTraceAndWritesItsOwnContext() {
        String stored = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceParents.Sending sending = traces.sending(stored, "outbox account.events", "account.events");
        Map<String, String> headers = new HashMap<>();
        sending.inject(headers::put);
        sending.end(null);

        String[] parts = headers.get("traceparent").split("-");
        assertThat(parts[1]).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parts[2]).isNotEqualTo("00f067aa0ba902b7").matches("[0-9a-f]{16}");
        assertThat(parts[3]).isEqualTo("01");
    }

    @Test
    void nothingOrGarbageStoredSendsNoHeaders() {
        for (String stored : new String[] { null, "", "garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" }) {
            Map<String, String> headers = new HashMap<>();
            TraceParents.Sending sending = traces.sending(stored, "outbox account.events", "account.events");
            sending.inject(headers::put);
            sending.end(null);
            assertThat(headers).as("stored %s", stored).isEmpty();
        }
    }
}
