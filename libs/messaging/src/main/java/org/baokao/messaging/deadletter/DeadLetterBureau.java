package org.baokao.messaging.deadletter;

import java.util.Optional;

import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;

import tools.jackson.databind.JsonNode;

/**
 * Whose dead letter it is (OPS-3). Dead letters are per service, one per consumer failure, for every bureau at
 * once; an event whose payload names a bureau (field {@code bureau}, as SmsRequested, EmailRequested and the
 * bureau-bound events carry it) belongs to that bureau, and only its operators see and replay it. An event naming
 * none (platform events such as a bureau's configuration, events from before bureaus, a record that is not an
 * event at all) belongs to no bureau: every bureau's administrators see it, marked 全平台, because someone must be
 * able to replay it and it carries no bureau's candidates.
 */
public final class DeadLetterBureau {

    private DeadLetterBureau() {
    }

    /** The bureau the dead letter's event names; empty for a platform-wide one. */
    public static Optional<String> of(String payload) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.read(payload);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        JsonNode bureau = envelope.payload().path("bureau");
        if (!bureau.isString() || bureau.asString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(bureau.asString().strip());
    }

    /** Whether an operator acting for {@code operatorBureau} may see a dead letter of {@code letterBureau}. */
    public static boolean visibleTo(Optional<String> letterBureau, String operatorBureau) {
        return letterBureau.map(operatorBureau::equals).orElse(true);
    }
}
