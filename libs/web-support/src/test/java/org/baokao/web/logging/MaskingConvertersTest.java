package org.baokao.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

/** The Logback converters apply the mask to the formatted message and to exception messages. */
class MaskingConvertersTest {

    final LoggerContext context = new LoggerContext();
    final Logger logger = context.getLogger("test");

    @Test
    void theMessageConverterMasksTheFormattedMessageArgumentsIncluded() {
        MaskingMessageConverter converter = new MaskingMessageConverter();
        LoggingEvent event = new LoggingEvent("test", logger, Level.INFO,
                "registered {} with phone {}, code {}", null,
                new Object[] {"370102199003071234", "13112348780", "123456"});

        assertThat(converter.convert(event))
                .isEqualTo("registered 37**************34 with phone 131****8780, code 123456");
    }

    @Test
    void theThrowableConverterMasksExceptionMessagesAndCausesButKeepsTheStackTrace() {
        MaskingThrowableConverter converter = new MaskingThrowableConverter();
        converter.setContext(context);
        converter.start();
        Exception failure = new IllegalStateException("no account for 13112348780",
                new IllegalArgumentException("roster has no 370102199003071234"));
        LoggingEvent event = new LoggingEvent("test", logger, Level.ERROR, "failed", failure, null);

        String output = converter.convert(event);

        assertThat(output)
                .contains("java.lang.IllegalStateException: no account for 131****8780")
                .contains("Caused by: java.lang.IllegalArgumentException: roster has no 37**************34")
                .contains("at org.baokao.web.logging.MaskingConvertersTest")
                .doesNotContain("13112348780").doesNotContain("370102199003071234");
    }

    @Test
    void aPatternLayoutPicksTheConvertersUpAsConversionRules() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("msg", MaskingMessageConverter::new);
        layout.getInstanceConverterMap().put("wEx", MaskingThrowableConverter::new);
        layout.setPattern("%level %msg%n%wEx");
        layout.start();
        LoggingEvent event = new LoggingEvent("test", logger, Level.WARN, "sms to {} failed",
                new IllegalStateException("gateway refused 19912345678"), new Object[] {"19912345678"});

        assertThat(layout.doLayout(event))
                .startsWith("WARN sms to 199****5678 failed")
                .contains("IllegalStateException: gateway refused 199****5678")
                .doesNotContain("19912345678");
    }
}
