package org.baokao.web.logging;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Spring Boot's default exception conversion word {@code %wEx} with ID numbers and mobile numbers masked in
 * exception messages (and causes) ({@link LogMasking}); stack frames are unaffected.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return LogMasking.mask(super.throwableProxyToString(throwable));
    }
}
