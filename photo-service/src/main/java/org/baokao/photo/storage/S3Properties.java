package org.baokao.photo.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where photos are stored: any S3 API (S3Proxy locally, MinIO in docker-compose). */
@ConfigurationProperties("baokao.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey, String bucket) {
}
