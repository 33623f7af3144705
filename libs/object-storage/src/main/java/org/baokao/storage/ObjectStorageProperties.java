package org.baokao.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its objects, under {@code baokao.s3} ({@code BAOKAO_S3_ENDPOINT}, {@code _ACCESS_KEY},
 * {@code _SECRET_KEY}, {@code _BUCKET}): any S3 API. Each service has its own bucket.
 */
@ConfigurationProperties("baokao.s3")
public record ObjectStorageProperties(String endpoint, String accessKey, String secretKey, String bucket) {

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "ObjectStorageProperties[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + "]";
    }
}
