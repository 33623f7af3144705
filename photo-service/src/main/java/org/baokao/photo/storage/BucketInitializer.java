package org.baokao.photo.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the photo bucket on a fresh store. A store that is down at start-up is not fatal:
 * the health check reports it and uploads fail clearly until it is back.
 */
@Component
class BucketInitializer {

    private static final Logger log = LoggerFactory.getLogger(BucketInitializer.class);

    private final PhotoStorage storage;

    BucketInitializer(PhotoStorage storage) {
        this.storage = storage;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createBucket() {
        try {
            storage.createBucketIfMissing();
        } catch (Exception e) {
            log.warn("Could not ensure bucket {} exists: {}", storage.bucket(), e.toString());
        }
    }
}
