package org.baokao.photo.identity;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.photo.identity.*}: where the identity provider is and how the worker paces its checks. Timeout,
 * retry, breaker and bulkhead are under {@code resilience4j.*.instances.identity-provider}.
 *
 * @param providerUrl the provider's base URL (the sandbox locally and in tests)
 * @param firstBackoff how long a check waits after the provider failed it once; doubled per failure
 * @param maxBackoff the longest wait between tries, so checks resume soon after the provider is back
 * @param failuresBeforeReview failed comparisons after which an operator decides (PHO-5)
 * @param accountServiceUrl where account-service's internal identity endpoint is
 * @param tokenUri the OAuth2 token endpoint photo-service gets its service token from (client credentials)
 * @param clientId photo-service's confidential client (its service account holds realm role {@code service})
 * @param clientSecret its secret
 * @param fixedServiceToken when set, used instead of client credentials (tests)
 */
@ConfigurationProperties("baokao.photo.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8090") URI providerUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("2s") Duration firstBackoff,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("3") int failuresBeforeReview,
        @DefaultValue("http://localhost:8081") URI accountServiceUrl,
        @DefaultValue("http://localhost:8180/realms/baokao/protocol/openid-connect/token") URI tokenUri,
        @DefaultValue("photo-service") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") String fixedServiceToken) {
}
