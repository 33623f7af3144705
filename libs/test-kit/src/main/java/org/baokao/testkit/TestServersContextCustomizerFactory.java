package org.baokao.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points a {@link ServiceTest}'s application at this JVM's test servers, ahead of every other property source. */
class TestServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        var annotation = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(ServiceTest.class);
        return annotation.isPresent()
                ? new Customizer(annotation.getBoolean("s3"), annotation.getBoolean("sandbox"),
                        annotation.getBoolean("smtp"))
                : null;
    }

    private record Customizer(boolean s3, boolean sandbox, boolean smtp) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.datasource.url", TestServers.jdbcUrl());
            properties.put("spring.datasource.username", TestServers.jdbcUser());
            properties.put("spring.datasource.password", TestServers.jdbcPassword());
            properties.put("spring.kafka.bootstrap-servers", TestServers.kafkaBootstrapServers());
            properties.put("baokao.security.issuers[0].issuer", TestServers.issuer().issuer());
            properties.put("baokao.security.issuers[0].jwk-set-uri", TestServers.issuer().jwkSetUri());
            if (s3) {
                properties.put("baokao.s3.endpoint", TestServers.s3Endpoint());
                properties.put("baokao.s3.access-key", TestServers.s3AccessKey());
                properties.put("baokao.s3.secret-key", TestServers.s3SecretKey());
            }
            if (sandbox) {
                properties.put("baokao.sandbox.url", TestServers.sandboxUrl());
                properties.put("baokao.notification.sms.sandbox-url", TestServers.sandboxUrl());
            }
            if (smtp) {
                properties.put("spring.mail.host", TestServers.smtp().host());
                properties.put("spring.mail.port", TestServers.smtp().port());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("baokaoTestServers", properties));
        }
    }
}
