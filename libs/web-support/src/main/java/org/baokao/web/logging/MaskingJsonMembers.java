package org.baokao.web.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * ACC-10's safety net in structured logs (issue 24): every text value of a JSON log line, the message, the stack
 * trace and the MDC alike, goes through {@link LogMasking}, as {@code %m} and {@code %wEx} do in the plain format.
 * Named by {@code logging.structured.json.customizer} (baokao-service-defaults.yml).
 */
public class MaskingJsonMembers implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

    @Override
    public void customize(JsonWriter.Members<ILoggingEvent> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, LogMasking::mask));
    }
}
