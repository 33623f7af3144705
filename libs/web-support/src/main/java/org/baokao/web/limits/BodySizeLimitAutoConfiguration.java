package org.baokao.web.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Every service refuses oversized request bodies first (default 256 KB; {@code baokao.web.max-body-size}), counted
 * in bytes read, chunked or not. Multipart keeps its own limits ({@code spring.servlet.multipart.*}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class BodySizeLimitAutoConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${baokao.web.max-body-size:256KB}") DataSize maxBodySize) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Tomcat reads a form ({@code application/x-www-form-urlencoded}) itself when parameters are first asked for,
     * past the filter's counting; its own limit (maxPostSize, 2 MB by default, also for chunked forms) becomes
     * the same as every other body's. Ordered after Boot's customizer that applies
     * {@code server.tomcat.max-http-form-post-size}, so this one decides.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> formSizeLimit(
            @Value("${baokao.web.max-body-size:256KB}") DataSize maxBodySize) {
        int maxBytes = (int) Math.min(Integer.MAX_VALUE, maxBodySize.toBytes());
        return new FormSizeLimit(maxBytes);
    }

    private record FormSizeLimit(int maxBytes)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxBytes));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
