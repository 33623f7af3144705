package org.baokao.tracing;

import java.util.function.BiConsumer;

/**
 * The trace context as a W3C {@code traceparent} value, for work that leaves the thread that had it: an outbox row
 * stores the context of the request that wrote it, and the relay, on its own thread and perhaps much later, publishes
 * the row in a span of that trace (issue 24: gateway → account-service → outbox → Kafka → notification-service).
 */
public interface TraceParents {

    /** The {@code traceparent} of the span current on this thread; null when there is none (or no tracing). */
    String current();

    /**
     * Starts a span named {@code name} in the trace of {@code traceparent} (a child of the span it names); null, or a
     * value that is no traceparent, gives a span that records and sends nothing.
     */
    Sending sending(String traceparent, String name, String destination);

    /** A span around one message on its way out. */
    interface Sending {

        /** Writes this span's context as message headers (name, value). */
        void inject(BiConsumer<String, String> header);

        /** Ends the span; {@code error} (may be null) marks it failed. */
        void end(Throwable error);
    }

    /** No tracing: nothing stored, nothing sent. */
    TraceParents NONE = new TraceParents() {
        @Override
        public String current() {
            return null;
        }

        @Override
        public Sending sending(String traceparent, String name, String destination) {
            return NOTHING;
        }
    };

    Sending NOTHING = new Sending() {
        @Override
        public void inject(BiConsumer<String, String> header) {
        }

        @Override
        public void end(Throwable error) {
        }
    };
}
