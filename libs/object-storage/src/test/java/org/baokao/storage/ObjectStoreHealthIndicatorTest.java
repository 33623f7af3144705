package org.baokao.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The store in /actuator/health: up with its bucket, down when the bucket is missing or the store unreachable. */
class ObjectStoreHealthIndicatorTest {

    @Test
    void upWhileTheBucketIsThere() throws Exception {
        ObjectStore store = TestStores.onFreshBucket();
        store.createBucketIfMissing();

        Health health = new ObjectStoreHealthIndicator(store).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("bucket", store.bucket());
    }

    @Test
    void downWhenTheBucketIsMissing() {
        ObjectStore store = TestStores.onFreshBucket();

        Health health = new ObjectStoreHealthIndicator(store).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("bucket", store.bucket())
                .containsEntry("reason", "bucket missing");
    }

    @Test
    void downWhenTheStoreDoesNotAnswer() {
        Health health = new ObjectStoreHealthIndicator(TestStores.unreachable()).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }
}
