package org.baokao.web.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service says about itself in its OpenAPI document (API-1): a Chinese title and description, and the
 * version of its API. Each service sets its own under {@code baokao.openapi}; everything else about the document is
 * shared ({@link OpenApiAutoConfiguration}).
 */
@ConfigurationProperties("baokao.openapi")
public record OpenApiProperties(@DefaultValue("报考平台接口") String title, @DefaultValue("") String description,
        @DefaultValue("v1") String version) {
}
