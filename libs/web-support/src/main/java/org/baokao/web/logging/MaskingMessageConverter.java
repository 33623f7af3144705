package org.baokao.web.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} / {@code %msg} / {@code %message} with ID numbers and mobile numbers masked ({@link LogMasking}).
 * Registered for every servlet service by web-support's {@code logback-spring.xml}.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogMasking.mask(super.convert(event));
    }
}
