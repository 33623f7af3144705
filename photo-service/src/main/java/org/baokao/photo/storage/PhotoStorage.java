package org.baokao.photo.storage;

import java.io.InputStream;

import org.baokao.storage.ObjectStore;
import org.springframework.stereotype.Component;

/**
 * Photo bytes in this service's bucket (PHO-3), under random {@code photos/…} keys. The bucket is made when the
 * service is ready and reported as {@code objectStore} in its health (libs/object-storage): without it the
 * service could not accept a single photo.
 */
@Component
public class PhotoStorage {

    private static final String KEY_PREFIX = "photos";

    private final ObjectStore store;

    PhotoStorage(ObjectStore store) {
        this.store = store;
    }

    /** Stores the bytes under a fresh random key and returns the key. */
    public String put(byte[] content, String contentType) throws Exception {
        return store.putUnderRandomKey(KEY_PREFIX, content, contentType);
    }

    public InputStream open(String key) throws Exception {
        return store.open(key);
    }

    /** A GET link valid for {@code seconds}: the browser loads the image straight from the store (PHO-3). */
    public String presignedGet(String key, int seconds) throws Exception {
        return store.presignedGet(key, seconds);
    }

    public void delete(String key) throws Exception {
        store.delete(key);
    }
}
