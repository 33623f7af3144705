package org.baokao.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import brave.Tracing;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.status.Status;

/**
 * web-support's logback-spring.xml, as Spring Boot loads it in a service: it loads without Logback errors or
 * warnings, and a phone number or an ID number in a log line comes out masked, on the console and in the file.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogbackSpringConfigurationTest {

    private static final Logger log = LoggerFactory.getLogger(LogbackSpringConfigurationTest.class);

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    /**
     * Boot configures Logback once per logger context and leaves it alone while a context it configured is open: the
     * test contexts other classes of this JVM keep cached would make each start below keep their configuration.
     */
    @BeforeEach
    void letBootConfigureLoggingAgain() {
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    }

    @AfterEach
    void forgetTheLogFile() {
        // Spring Boot hands logging.file.name to Logback through system properties
        System.clearProperty("LOG_FILE");
        System.clearProperty("LOG_PATH");
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("LOG_CORRELATION_PATTERN");
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void bootLoadsItWithoutErrorsAndTheConsoleShowsMaskedPersonalData(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            assertThat(problems(logback)).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Supplier<DynamicConverter<?>>> rules = (Map<String, Supplier<DynamicConverter<?>>>) logback
                    .getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
            assertThat(rules.get("m").get()).isInstanceOf(MaskingMessageConverter.class);
            assertThat(rules.get("msg").get()).isInstanceOf(MaskingMessageConverter.class);
            assertThat(rules.get("message").get()).isInstanceOf(MaskingMessageConverter.class);
            assertThat(rules.get("wEx").get()).isInstanceOf(MaskingThrowableConverter.class);
            assertThat(logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
            assertThat(logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNull();

            log.info("SMS for {} (candidate {}) sent", "13112348780", "370102199003071234");
            log.error("SMS failed", new IllegalStateException("gateway refused 13112348780"));
        }

        assertThat(output.getOut())
                .contains("SMS for 131****8780 (candidate 37**************34) sent")
                .contains("IllegalStateException: gateway refused 131****8780")
                .doesNotContain("13112348780")
                .doesNotContain("370102199003071234");
    }

    @Test
    void withLoggingFileNameTheFileIsWrittenMaskedToo(@TempDir Path logs, CapturedOutput output) throws Exception {
        Path file = logs.resolve("service.log");
        try (ConfigurableApplicationContext ignored = start("--logging.file.name=" + file)) {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            assertThat(problems(logback)).isEmpty();
            assertThat(logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE")).isNotNull();

            log.info("phone changed to {}", "19912345678");
        }

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).contains("phone changed to 199****5678").doesNotContain("19912345678");
        assertThat(output.getOut()).contains("phone changed to 199****5678");
    }

    /**
     * Issue 24, structured logs: with the services' defaults and {@code logging.structured.format.console=ecs} the
     * console writes one JSON object per line; a phone and an ID number in it are masked (message and stack trace),
     * and the line carries the trace and span ids of the span current when it was logged.
     */
    @Test
    void aStructuredLineIsMaskedAndCarriesTheTraceId(CapturedOutput output) {
        String traceId;
        try (ConfigurableApplicationContext ignored = start("--spring.config.import=classpath:baokao-service-defaults.yml",
                "--spring.application.name=notification-service", "--logging.structured.format.console=ecs");
                Tracing tracing = tracing()) {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            assertThat(problems(logback)).isEmpty();
            brave.Span span = tracing.tracer().nextSpan().name("sms").start();
            try (brave.Tracer.SpanInScope scope = tracing.tracer().withSpanInScope(span)) {
                log.warn("SMS for {} (candidate {}) failed", "13112348780", "370102199003071234",
                        new IllegalStateException("gateway refused 13112348780"));
            } finally {
                span.finish();
            }
            traceId = span.context().traceIdString();
        }

        // the console back to the plain format for whatever runs next in this JVM
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        start().close();

        String line = output.getOut().lines().filter(l -> l.contains("SMS for")).findFirst().orElseThrow();
        tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("SMS for 131****8780 (candidate 37**************34) failed");
        assertThat(json.path("error").path("stack_trace").asString()).contains("gateway refused 131****8780");
        assertThat(json.path("traceId").asString()).as("the trace id, a field of the line: %s", line)
                .hasSize(32).isEqualTo(traceId);
        assertThat(json.path("spanId").asString()).hasSize(16);
        assertThat(line).doesNotContain("13112348780").doesNotContain("370102199003071234");
    }

    /** Issue 24: in the plain format the services' defaults put "[trace id,span id] " into every line. */
    @Test
    void aPlainLineCarriesTheTraceIdInBrackets(CapturedOutput output) {
        String traceId;
        String spanId;
        try (ConfigurableApplicationContext ignored = start("--spring.config.import=classpath:baokao-service-defaults.yml",
                "--spring.application.name=notification-service");
                Tracing tracing = tracing()) {
            brave.Span span = tracing.tracer().nextSpan().name("sms").start();
            try (brave.Tracer.SpanInScope scope = tracing.tracer().withSpanInScope(span)) {
                log.info("SMS for {} sent", "13112348780");
            } finally {
                span.finish();
            }
            traceId = span.context().traceIdString();
            spanId = span.context().spanIdString();
        }

        assertThat(output.getOut()).contains("[" + traceId + "," + spanId + "] ")
                .contains("SMS for 131****8780 sent");
    }

    /** Brave as Boot sets it up for a service: 128-bit trace ids, put into the MDC as traceId and spanId. */
    private static Tracing tracing() {
        return Tracing.newBuilder().traceId128Bit(true)
                .currentTraceContext(brave.propagation.ThreadLocalCurrentTraceContext.newBuilder()
                        .addScopeDecorator(brave.context.slf4j.MDCScopeDecorator.get()).build())
                .build();
    }

    /** Warnings and errors Logback reported while reading the configuration Boot applied last. */
    private static List<String> problems(LoggerContext logback) {
        List<Status> statuses = logback.getStatusManager().getCopyOfStatusList();
        int lastReset = 0;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).getMessage().contains("logback-spring.xml")) {
                lastReset = i;
            }
        }
        return statuses.subList(lastReset, statuses.size()).stream()
                .filter(status -> status.getEffectiveLevel() >= Status.WARN)
                .map(status -> status.getLevel() + " " + status.getMessage())
                .toList();
    }
}
