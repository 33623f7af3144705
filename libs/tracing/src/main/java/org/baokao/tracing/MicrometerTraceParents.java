package org.baokao.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** {@link TraceParents} over Micrometer Tracing: the application's tracer and its (W3C) propagator. */
public final class MicrometerTraceParents implements TraceParents {

    static final String TRACEPARENT = "traceparent";
    /** version 00: 32 hex trace id, 16 hex parent span id, 2 hex flags (W3C Trace Context) */
    private static final Pattern W3C = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerTraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public Sending sending(String traceparent, String name, String destination) {
        if (traceparent == null || !W3C.matcher(traceparent).matches()) {
            return NOTHING;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(name)
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", destination)
                .start();
        return new Sending() {
            @Override
            public void inject(BiConsumer<String, String> header) {
                propagator.inject(span.context(), header, BiConsumer::accept);
            }

            @Override
            public void end(Throwable error) {
                if (error != null) {
                    span.error(error);
                }
                span.end();
            }
        };
    }
}
