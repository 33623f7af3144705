package org.baokao.personaldata;

import java.util.Base64;
import java.util.Objects;

/**
 * Personal data inside events (issue 23 §5): a value that must travel to another service (a roster name) is sealed
 * with the platform's <em>event keys</em> ({@code baokao.event-sealing}), the same AES-256-GCM and key-id format as
 * {@link PersonalDataProtector} uses for columns at rest, so outbox rows, Kafka records, dead letters and broker
 * logs never hold it in clear. The event keys are shared by the producer and the consumers that need the value
 * (account-service and enrollment-service); each service's keys for data at rest stay its own.
 *
 * <p>On the wire a sealed value is one string, {@code <keyId>:<base64 of IV + ciphertext + tag>} (key ids are
 * {@code [a-z0-9-]}, so the first {@code :} ends the id). Rotation is as at rest: a new active key id, the older ids
 * kept listed while events sealed with them may still be read (the topic's retention, the outbox's 7 days, open
 * dead letters).
 *
 * <p>Thread-safe.
 */
public class EventSealer {

    private static final char SEPARATOR = ':';

    private final PersonalDataProtector protector;

    /** @param keys the event keys; their look-up key, if any, is not used */
    public EventSealer(PersonalDataProperties keys) {
        this.protector = new PersonalDataProtector(Objects.requireNonNull(keys, "keys"));
    }

    /** {@code value} sealed under the active event key, as the wire's text; null for null. */
    public String seal(String value) {
        if (value == null) {
            return null;
        }
        Sealed sealed = protector.seal(value);
        return sealed.keyId() + SEPARATOR + Base64.getEncoder().encodeToString(sealed.data());
    }

    /**
     * The value of a text made by {@link #seal}; null for null.
     *
     * @throws PersonalDataException when it is not such a text, its key id is not listed, or it was tampered with
     */
    public String open(String sealedText) {
        if (sealedText == null) {
            return null;
        }
        int separator = sealedText.indexOf(SEPARATOR);
        if (separator < 1) {
            throw new PersonalDataException("A sealed event value must be '<keyId>:<base64>'");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(sealedText.substring(separator + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new PersonalDataException("A sealed event value's data is not base64", notBase64);
        }
        return protector.open(new Sealed(sealedText.substring(0, separator), data));
    }

    /**
     * The value an event carries either sealed (events from issue 23 on) or in clear (events written before, still
     * in the topics and outboxes): the sealed one when there is one.
     */
    public String openOrClear(String sealedText, String inClear) {
        return sealedText != null ? open(sealedText) : inClear;
    }
}
