package org.baokao.enrollment.openapi;

import java.util.List;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The partner bureaus' own document (API-1): only {@code /open-api/v1/**}, a springdoc group served at
 * {@code /api/enrollments/operations/api-docs/partner-v1}, which is public (this service's
 * {@code baokao.security.public-paths}) because partners read it before they have a token: the gateway answers
 * {@code GET /open-api/v1/openapi.json} with it, and its Swagger UI page {@code /open-api/v1/docs} loads it from
 * there. Its copy is docs/openapi/partner-v1.json ({@code OpenApiDriftTest}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnerDocumentProperties.class)
class PartnerApiDocument {

    /** The group's name, the last segment of its address. */
    static final String GROUP = "partner-v1";

    /** The security scheme: Keycloak's client credentials, one confidential client per partner. */
    static final String OAUTH2 = "partner-oauth2";

    static final String TITLE = "报考平台 合作考试院接口 v1";

    static final String DESCRIPTION = """
            供合作考试院的系统调用：核验考生报名、按游标分页读取某考试的报名、经考生授权后读取准考信息，以及订阅报名事件的 Webhook。

            **接入方式**
            1. 向平台申请一个客户端（client_id 与 client_secret）。客户端绑定贵院所属的考试院，\
            只能读取该考试院的数据；可用的权限范围（scope）与每分钟请求配额随客户端开通。
            2. 以 OAuth2 客户端凭证方式（client credentials）向令牌地址换取访问令牌，\
            在每个请求的 `Authorization: Bearer <令牌>` 中携带。令牌过期后重新换取即可。
            3. 本页「Authorize」按钮可直接填入 client_id 与 client_secret 试用各接口。

            **约定**
            - 所有错误均以 RFC 9457 问题详情（`application/problem+json`）返回：`code` 为稳定的错误码，`detail` 为中文说明。\
            常见的有 `UNAUTHENTICATED`（401，令牌缺失或失效）、`SCOPE_MISSING`（403，客户端未开通该权限）、\
            `PARTNER_UNKNOWN`（403，客户端未登记为合作考试院）、`RATE_LIMITED`（429，超出配额，按 `Retry-After` 秒数后重试）。
            - 时间均为 ISO 8601（UTC）；接口版本在路径中（`/open-api/v1`），不兼容的变更只会出现在新版本中。
            """;

    @Bean
    GroupedOpenApi partnerApiV1(PartnerDocumentProperties properties) {
        return GroupedOpenApi.builder().group(GROUP).displayName(TITLE).pathsToMatch("/open-api/v1/**")
                .addOpenApiCustomizer(openApi -> describe(openApi, properties)).build();
    }

    private static void describe(OpenAPI openApi, PartnerDocumentProperties properties) {
        openApi.info(new Info().title(TITLE).description(DESCRIPTION).version("v1"));
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        Scopes scopes = new Scopes();
        scopes.addString("partner.verify", "核验考生报名");
        scopes.addString("partner.enrollments", "按考试分页读取报名");
        scopes.addString("partner.admission", "读取准考信息（须考生授权）");
        scopes.addString("partner.webhooks", "管理 Webhook 订阅与投递");
        openApi.getComponents().addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("OAuth2 客户端凭证：以 client_id 与 client_secret 向令牌地址换取访问令牌")
                .flows(new OAuthFlows().clientCredentials(
                        new OAuthFlow().tokenUrl(properties.tokenUrl()).scopes(scopes))));
        openApi.security(List.of(new SecurityRequirement().addList(OAUTH2)));
    }
}
