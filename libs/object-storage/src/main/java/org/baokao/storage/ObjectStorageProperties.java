package org.baokao.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its objects, under {@code baokao.s3} ({@code BAOKAO_S3_ENDPOINT}, {@code _ACCESS_KEY},
 * {@code _SECRET_KEY}, {@code _BUCKET}): any S3 API. Each service has its own bucket. {@code public-endpoint}
 * ({@code BAOKAO_S3_PUBLICENDPOINT}), when the browsers reach the store at another address than the services do (a
 * container network, a cluster): the address presigned links are made for; by default the {@code endpoint}.
 * {@code region} is the one those links are signed for (S3 servers here answer us-east-1).
 */
@ConfigurationProperties("baokao.s3")
public record ObjectStorageProperties(String endpoint, String accessKey, String secretKey, String bucket,
        String publicEndpoint, @DefaultValue("us-east-1") String region) {

    /** Where browsers reach the store: {@code public-endpoint} when set, else {@code endpoint}. */
    public String linkEndpoint() {
        return publicEndpoint == null || publicEndpoint.isBlank() ? endpoint : publicEndpoint;
    }

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "ObjectStorageProperties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", publicEndpoint=" + publicEndpoint + ", region=" + region + "]";
    }
}
