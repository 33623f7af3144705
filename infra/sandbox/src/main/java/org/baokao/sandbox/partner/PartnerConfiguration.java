package org.baokao.sandbox.partner;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link PartnerConnectionValve} in front of the sandbox's servlets. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    TomcatContextCustomizer partnerConnectionValve(PartnerEndpoints partners) {
        return context -> context.getPipeline().addValve(new PartnerConnectionValve(partners));
    }
}
