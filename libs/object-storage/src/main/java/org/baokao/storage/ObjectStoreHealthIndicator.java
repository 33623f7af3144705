package org.baokao.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code objectStore} in {@code /actuator/health}: down while the service cannot reach its bucket (photo-service
 * could not accept a single photo). A service that works without its store turns it off with
 * {@code management.health.objectstore.enabled: false} (account-service: login and registration need no store).
 */
class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStore store;

    ObjectStoreHealthIndicator(ObjectStore store) {
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (store.bucketExists()) {
            builder.up().withDetail("bucket", store.bucket());
        } else {
            builder.down().withDetail("bucket", store.bucket()).withDetail("reason", "bucket missing");
        }
    }
}
