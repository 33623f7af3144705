package org.baokao.web.openapi;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The service's whole document, candidate and operator APIs alike: its title and description, and the bearer token
 * every endpoint needs unless it is public ({@link SharedConventions} marks those). A group (the partners' document)
 * sets its own instead: this customizer only shapes the default document.
 */
class ServiceDocument implements OpenApiCustomizer {

    /** The security scheme of the services' tokens: Keycloak's for operators, account-service's for candidates. */
    static final String BEARER = "bearer-jwt";

    private final OpenApiProperties properties;

    ServiceDocument(OpenApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title(properties.title()).description(properties.description())
                .version(properties.version()));
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("考生令牌（account-service 登录所得）或工作人员令牌（Keycloak 登录所得），"
                        + "放在请求头 Authorization: Bearer <令牌>"));
        openApi.security(List.of(new SecurityRequirement().addList(BEARER)));
    }
}
