package org.baokao.web.openapi;

import org.baokao.web.security.PublicPaths;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Each service's OpenAPI 3.1 document (API-1), built by springdoc from its controllers and served to operators at
 * {@code /api/<service>/operations/api-docs} (the settings: baokao-service-defaults.yml). This adds what springdoc
 * cannot know: the service's Chinese title ({@code baokao.openapi}), the bearer token, problem details as the
 * answer to every refusal, the public paths, and parameters that come from headers and tokens rather than from the
 * caller. The checked-in copies under docs/openapi are compared with these documents by each service's
 * {@code OpenApiDriftTest}.
 */
@AutoConfiguration(afterName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnClass(SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ OpenApiProperties.class, PublicPaths.class })
public class OpenApiAutoConfiguration {

    @Bean
    ServiceDocument baokaoServiceDocument(OpenApiProperties properties) {
        return new ServiceDocument(properties);
    }

    @Bean
    SharedConventions baokaoOpenApiConventions(PublicPaths publicPaths) {
        return new SharedConventions(publicPaths);
    }

    @Bean
    ResolvedParameters baokaoResolvedParameters(ObjectProvider<RequestMappingHandlerMapping> mappings,
            ObjectProvider<RequestMappingHandlerAdapter> adapters) {
        return new ResolvedParameters(mappings, adapters);
    }
}
