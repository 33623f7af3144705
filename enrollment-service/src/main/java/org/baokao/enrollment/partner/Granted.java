package org.baokao.enrollment.partner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller's {@link PartnerClient} parameter: the scope the endpoint needs. {@link PartnerClientResolver}
 * refuses (403 {@code SCOPE_MISSING}) while it resolves the parameter, so, with the partner as the first
 * parameter, before the body or any other input the partner sent is read: a partner without the scope learns
 * nothing from how its input is judged.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Granted {

    PartnerScope value();
}
