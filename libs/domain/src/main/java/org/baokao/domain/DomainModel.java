package org.baokao.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule of the business: an aggregate, a value object, a state machine or a policy. Such a type is plain
 * Java: no Spring, no Jackson, no servlet or web types, no SQL. It refuses with {@link Refusal}. Each service's
 * architecture test (libs/test-kit's {@code ServiceArchitecture}) keeps it so.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DomainModel {
}
