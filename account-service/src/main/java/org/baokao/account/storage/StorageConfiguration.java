package org.baokao.account.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.minio.MinioClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Properties.class)
class StorageConfiguration {

    @Bean
    MinioClient minioClient(S3Properties properties) {
        return MinioClient.builder().endpoint(properties.endpoint())
                .credentials(properties.accessKey(), properties.secretKey()).build();
    }
}
