package org.baokao.enrollment.confirmation;

import java.net.URI;
import java.net.http.HttpClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The two services the 确认单 reads from, each behind the short timeouts of {@link ConfirmationProperties} and its
 * circuit breaker (Resilience4j instances {@code account-service}, {@code photo-service}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfirmationProperties.class)
class ConfirmationConfiguration {

    @Bean
    AccountServiceIdentities accountServiceIdentities(RestClient.Builder http, ConfirmationProperties properties,
            CircuitBreakerRegistry breakers) {
        return new AccountServiceIdentities(client(http, properties.accountServiceUrl(), properties),
                breakers.circuitBreaker("account-service"));
    }

    @Bean
    PhotoServicePhotos photoServicePhotos(RestClient.Builder http, ConfirmationProperties properties,
            CircuitBreakerRegistry breakers) {
        return new PhotoServicePhotos(client(http, properties.photoServiceUrl(), properties),
                breakers.circuitBreaker("photo-service"));
    }

    private static RestClient client(RestClient.Builder http, URI baseUrl, ConfirmationProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        return http.clone().baseUrl(baseUrl.toString()).requestFactory(requests).build();
    }
}
