package org.baokao.web.logging;

import ch.qos.logback.core.boolex.PropertyConditionBase;

/**
 * logback-spring.xml's choice between the plain console and structured JSON: true when the property named by
 * {@code key} (Boot's {@code CONSOLE_LOG_STRUCTURED_FORMAT}, from {@code logging.structured.format.console}) holds a
 * format. Logback's own IsPropertyDefined would also be true for the empty default Boot's defaults.xml writes.
 */
public class StructuredFormatCondition extends PropertyConditionBase {

    private String key;

    public void setKey(String key) {
        this.key = key;
    }

    @Override
    public boolean evaluate() {
        return key != null && !property(key).isBlank();
    }
}
