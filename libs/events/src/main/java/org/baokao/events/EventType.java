package org.baokao.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event on the wire. Adding a field keeps the version; renaming or removing one is a new version
 * (a new record, registered beside the old one in {@link EventCatalog}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String name();

    int version() default 1;

    /** The topic of the producing service; see {@link Topics}. */
    String topic();
}
