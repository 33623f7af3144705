package org.baokao.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates the service's bucket on a fresh store once the service is ready. A store that is down at start-up is
 * not fatal: a service whose work needs the store says so in its health (photo-service, through
 * {@link ObjectStoreHealthIndicator}) or creates the bucket on first use ({@link ObjectStore#ensureBucket()},
 * account-service's proof uploads).
 */
class BucketInitializer implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(BucketInitializer.class);

    private final ObjectStore store;

    BucketInitializer(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        try {
            store.createBucketIfMissing();
        } catch (Exception e) {
            log.warn("Could not ensure bucket {} exists: {}", store.bucket(), e.toString());
        }
    }
}
