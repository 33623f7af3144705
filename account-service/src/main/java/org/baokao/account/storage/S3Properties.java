package org.baokao.account.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where proof images are stored: any S3 API (S3Proxy locally and in tests, MinIO in docker-compose). */
@ConfigurationProperties("baokao.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String bucket) {
}
