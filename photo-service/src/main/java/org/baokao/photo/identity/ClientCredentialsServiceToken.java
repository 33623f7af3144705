package org.baokao.photo.identity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A service-account token from the OAuth2 token endpoint (client credentials), kept until shortly before it
 * expires so every comparison does not cost a Keycloak round trip.
 */
final class ClientCredentialsServiceToken implements ServiceToken {

    private static final long EARLY_SECONDS = 30;

    private final RestClient http;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsServiceToken(RestClient http, URI tokenUri, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public synchronized String value() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret);
            try {
                Map<?, ?> answer = http.post().uri(tokenUri).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(form).retrieve().body(Map.class);
                Object access = answer == null ? null : answer.get("access_token");
                Object expiresIn = answer == null ? null : answer.get("expires_in");
                if (!(access instanceof String value)) {
                    throw new IdentityProviderUnavailableException("SERVICE_TOKEN_UNAVAILABLE", "服务令牌获取失败");
                }
                long seconds = expiresIn instanceof Number n ? n.longValue() : 60;
                token = value;
                renewAt = clock.instant().plusSeconds(Math.max(1, seconds - EARLY_SECONDS));
            } catch (RestClientException e) {
                throw new IdentityProviderUnavailableException("SERVICE_TOKEN_UNAVAILABLE", "服务令牌获取失败");
            }
        }
        return token;
    }
}
