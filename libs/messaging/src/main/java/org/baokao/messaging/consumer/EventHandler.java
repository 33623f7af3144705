package org.baokao.messaging.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a Spring bean that applies one kind of event, typed by its record:
 * {@code @EventHandler("payment-service.orders") void on(EnrollmentConfirmed event)} or
 * {@code void on(EnrollmentConfirmed event, EventMeta meta)}. The value names the consumer (its inbox entries, metrics
 * and dead letters); a service's handlers with one consumer name form one subscription, which reads one topic.
 * The method runs inside the inbox's transaction: its effect commits together with the record that the event was
 * applied, and if it throws, both roll back and the event is retried, then dead-lettered.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {

    /** The consumer's name, stable across releases, e.g. {@code "payment-service.orders"}. */
    String value();
}
