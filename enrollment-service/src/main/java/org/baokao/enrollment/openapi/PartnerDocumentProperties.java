package org.baokao.enrollment.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the partners' document sends them for a token (API-1): Keycloak's token endpoint of realm {@code baokao},
 * the local stack's by default; a deployment sets its public address.
 */
@ConfigurationProperties("baokao.openapi.partner")
record PartnerDocumentProperties(
        @DefaultValue("http://localhost:8180/realms/baokao/protocol/openid-connect/token") String tokenUrl) {
}
