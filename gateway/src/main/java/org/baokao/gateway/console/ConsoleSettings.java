package org.baokao.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the operator console (OPS-3) sends its operators to log in: the Keycloak the browser reaches (the issuer's
 * host as the browser sees it), the realm and the console's public client. Served to the page, so one build of the
 * console works wherever it is deployed.
 */
@ConfigurationProperties("baokao.gateway.console")
public record ConsoleSettings(@DefaultValue("http://localhost:8180") String keycloakUrl,
        @DefaultValue("baokao") String realm, @DefaultValue("baokao-web") String clientId) {
}
