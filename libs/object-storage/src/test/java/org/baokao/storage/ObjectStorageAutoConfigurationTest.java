package org.baokao.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import io.minio.MinioClient;

/** A service gets its store from baokao.s3 (the names every service and deployment already use). */
class ObjectStorageAutoConfigurationTest {

    final String bucket = TestStores.freshBucket();

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObjectStorageAutoConfiguration.class))
            .withPropertyValues(
                    "baokao.s3.endpoint=" + TestServers.s3Endpoint(),
                    "baokao.s3.access-key=" + TestServers.s3AccessKey(),
                    "baokao.s3.secret-key=" + TestServers.s3SecretKey(),
                    "baokao.s3.bucket=" + bucket);

    @Test
    void theStoreIsTheConfiguredBucketAndItIsMadeWhenTheServiceIsReady() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(MinioClient.class);
            ObjectStore store = started.getBean(ObjectStore.class);
            assertThat(store.bucket()).isEqualTo(bucket);
            assertThat(store.bucketExists()).isFalse();

            ready(started);

            assertThat(store.bucketExists()).isTrue();
        });
    }

    @Test
    void aStoreThatIsDownWhenTheServiceIsReadyDoesNotStopIt() {
        context.withPropertyValues("baokao.s3.endpoint=http://127.0.0.1:9").run(started -> {
            ready(started);

            assertThat(started).hasNotFailed();
        });
    }

    @Test
    void theHealthIsReportedAsObjectStoreUnlessTheServiceTurnsItOff() {
        context.run(started -> assertThat(started).hasBean("objectStoreHealthIndicator"));
        context.withPropertyValues("management.health.objectstore.enabled=false")
                .run(started -> assertThat(started).hasNotFailed()
                        .doesNotHaveBean(ObjectStoreHealthIndicator.class));
    }

    @Test
    void theSecretKeyIsNeverPrinted() {
        context.run(started -> assertThat(started.getBean(ObjectStorageProperties.class).toString())
                .contains(bucket).doesNotContain(TestServers.s3SecretKey()));
    }

    private static void ready(ConfigurableApplicationContext started) {
        started.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], started,
                Duration.ZERO));
    }
}
