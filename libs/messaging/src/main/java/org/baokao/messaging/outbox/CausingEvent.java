package org.baokao.messaging.outbox;

import org.baokao.events.EventEnvelope;

/**
 * The event a handler is applying on this thread, so that what the handler publishes through the {@link Outbox}
 * joins its chain (issue 24: correlation and causation ids). The dispatcher sets it around each handler call.
 */
public final class CausingEvent {

    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    private CausingEvent() {
    }

    /** Runs {@code work} with {@code cause} as the causing event; the previous one (if any) is back after. */
    public static void during(EventEnvelope cause, Runnable work) {
        EventEnvelope previous = CURRENT.get();
        CURRENT.set(cause);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The event being applied on this thread; null outside a handler (a request, a job). */
    public static EventEnvelope current() {
        return CURRENT.get();
    }
}
