package org.baokao.storage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.minio.MinioClient;

/**
 * Gives a service that depends on this library its {@link ObjectStore} from {@code baokao.s3}, creates the
 * bucket when the service is ready ({@link BucketInitializer}) and reports the store in its health
 * ({@link ObjectStoreHealthIndicator}, {@code objectStore}).
 */
@AutoConfiguration
@EnableConfigurationProperties(ObjectStorageProperties.class)
public class ObjectStorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MinioClient minioClient(ObjectStorageProperties properties) {
        return MinioClient.builder().endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey()).build();
    }

    /**
     * The links' client signs for the address browsers use (a link's signature covers its host), with the region
     * set so that signing asks the store nothing: that address may not even resolve from inside the service's
     * network.
     */
    @Bean
    ObjectStore objectStore(MinioClient client, ObjectStorageProperties properties) {
        MinioClient links = MinioClient.builder().endpoint(properties.linkEndpoint()).region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey()).build();
        return new ObjectStore(client, links, properties.bucket());
    }

    @Bean
    BucketInitializer bucketInitializer(ObjectStore store) {
        return new BucketInitializer(store);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        /** Named {@code objectStore} in the health report (Boot drops the {@code HealthIndicator} suffix). */
        @Bean
        @ConditionalOnEnabledHealthIndicator("objectstore")
        ObjectStoreHealthIndicator objectStoreHealthIndicator(ObjectStore store) {
            return new ObjectStoreHealthIndicator(store);
        }
    }
}
