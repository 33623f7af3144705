package org.baokao.account.storage;

import java.io.InputStream;

import org.baokao.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Proof images (ACC-8) in this service's bucket, under random {@code phone-change/…} keys: a key never says whose
 * document it holds, so a listing of the bucket reveals nothing about candidates. A store that is down at
 * start-up is not fatal (login and registration do not need it, so it is not in this service's health): the
 * first upload makes the bucket if it is still missing.
 */
@Component
public class ProofStorage {

    private static final Logger log = LoggerFactory.getLogger(ProofStorage.class);
    private static final String KEY_PREFIX = "phone-change";

    private final ObjectStore store;

    ProofStorage(ObjectStore store) {
        this.store = store;
    }

    /** Stores the bytes under a fresh random key and returns the key. */
    public String put(byte[] content, String contentType) throws Exception {
        store.ensureBucket();
        return store.putUnderRandomKey(KEY_PREFIX, content, contentType);
    }

    public InputStream open(String key) throws Exception {
        return store.open(key);
    }

    /** Removes an object; a failure is logged, not thrown (used to clean up after a refused request). */
    public void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (Exception e) {
            log.warn("Could not remove proof object {} from {}: {}", key, store.bucket(), e.toString());
        }
    }

    public String bucket() {
        return store.bucket();
    }
}
