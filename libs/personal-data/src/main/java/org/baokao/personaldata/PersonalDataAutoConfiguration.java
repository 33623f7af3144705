package org.baokao.personaldata;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Gives a service that depends on this library its {@link PersonalDataProtector} and {@link LookupHasher}, from
 * its {@code baokao.personal-data} settings, checked when the service starts: a missing, short or malformed key
 * stops the start with a message naming the setting (never the key).
 */
@AutoConfiguration
public class PersonalDataAutoConfiguration {

    static final String PREFIX = "baokao.personal-data";
    /** The event keys (issue 23 §5): shared by the services that seal and open personal data inside events. */
    static final String EVENT_PREFIX = "baokao.event-sealing";

    /**
     * Bound with the {@link Binder} rather than {@code @ConfigurationProperties}, so the checked record stays
     * plain Java; {@code bindOrCreate} makes it even with nothing configured, and its constructor then refuses.
     */
    @Bean
    PersonalDataProperties personalDataProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate(PREFIX, PersonalDataProperties.class);
    }

    @Bean
    PersonalDataProtector personalDataProtector(PersonalDataProperties properties) {
        return new PersonalDataProtector(properties);
    }

    /**
     * Lazy: made when a bean of the service needs it, which happens while the service starts, so a service that
     * finds personal data by hash still refuses to start without {@code lookup-key}, and one that only seals
     * (enrollment-service) needs none.
     */
    @Bean
    @Lazy
    LookupHasher lookupHasher(PersonalDataProperties properties) {
        return new LookupHasher(properties);
    }

    /**
     * The event keys, {@code baokao.event-sealing.active-key-id} and {@code keys.<id>}, spelled and checked as the
     * keys at rest (the refusal names this prefix). Lazy like {@link #lookupHasher}: a service whose beans seal or
     * open event values refuses to start without them; the others (photo, payment, ...) need none.
     */
    @Bean
    @Lazy
    EventSealer eventSealer(Environment environment) {
        try {
            return new EventSealer(Binder.get(environment).bindOrCreate(EVENT_PREFIX, PersonalDataProperties.class));
        } catch (RuntimeException bindingFailed) {
            // the record's refusal (wrapped by the binder) names the settings at rest: name the event keys instead
            Throwable cause = bindingFailed;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException wrong) {
                throw new IllegalArgumentException(wrong.getMessage().replace(PREFIX + ".", EVENT_PREFIX + "."));
            }
            throw bindingFailed;
        }
    }
}
