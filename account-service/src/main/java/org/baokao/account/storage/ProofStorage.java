package org.baokao.account.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * Proof images (ACC-8) in object storage, under random keys: a key never says whose document it holds, so
 * a listing of the bucket reveals nothing about candidates.
 */
@Component
public class ProofStorage {

    private static final Logger log = LoggerFactory.getLogger(ProofStorage.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketKnown;

    ProofStorage(MinioClient client, S3Properties properties) {
        this.client = client;
        this.bucket = properties.bucket();
    }

    /** Stores the bytes under a fresh random key and returns the key. */
    public String put(byte[] content, String contentType) throws Exception {
        if (!bucketKnown) {
            createBucketIfMissing();
        }
        String key = randomKey();
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).contentType(contentType)
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
        return key;
    }

    public InputStream open(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /** Removes an object; a failure is logged, not thrown (used to clean up after a refused request). */
    public void deleteQuietly(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            log.warn("Could not remove proof object {} from {}: {}", key, bucket, e.toString());
        }
    }

    void createBucketIfMissing() throws Exception {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        bucketKnown = true;
    }

    public String bucket() {
        return bucket;
    }

    private static String randomKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return "phone-change/" + hex.substring(0, 2) + "/" + hex;
    }
}
