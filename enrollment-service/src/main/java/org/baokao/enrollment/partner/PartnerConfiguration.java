package org.baokao.enrollment.partner;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Partner controllers take a {@link PartnerClient} parameter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerDirectory.class)
class PartnerConfiguration implements WebMvcConfigurer {

    private final PartnerDirectory directory;

    PartnerConfiguration(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PartnerClientResolver(directory));
    }
}
