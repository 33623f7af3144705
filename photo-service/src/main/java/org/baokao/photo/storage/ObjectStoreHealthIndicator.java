package org.baokao.photo.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** photo-service is not healthy while it cannot reach its bucket: it could not accept a single photo. */
@Component("objectStore")
class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final PhotoStorage storage;

    ObjectStoreHealthIndicator(PhotoStorage storage) {
        this.storage = storage;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (storage.bucketExists()) {
            builder.up().withDetail("bucket", storage.bucket());
        } else {
            builder.down().withDetail("bucket", storage.bucket()).withDetail("reason", "bucket missing");
        }
    }
}
