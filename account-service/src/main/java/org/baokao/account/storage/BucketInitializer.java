package org.baokao.account.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the proof bucket on a fresh store. A store that is down at start-up is not fatal: login and
 * registration do not need it, and a phone-change upload creates the bucket itself if it is still missing.
 */
@Component
class BucketInitializer {

    private static final Logger log = LoggerFactory.getLogger(BucketInitializer.class);

    private final ProofStorage storage;

    BucketInitializer(ProofStorage storage) {
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
