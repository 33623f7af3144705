package org.baokao.web.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

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

    @AfterEach
    void forgetTheLogFile() {
        // Spring Boot hands logging.file.name to Logback through system properties
        System.clearProperty("LOG_FILE");
        System.clearProperty("LOG_PATH");
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
