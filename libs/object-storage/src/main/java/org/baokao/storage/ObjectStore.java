package org.baokao.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

/**
 * A service's one bucket in object storage (any S3 API: S3Proxy locally and in tests, MinIO in docker-compose).
 * Objects go under random keys, so a listing of the bucket says nothing about whose document or photo a key
 * holds. Each service wraps it in its own storage class (ProofStorage, PhotoStorage) that names its key prefix
 * and what a failure means there. Plain Java over the MinIO client; thread-safe.
 */
public class ObjectStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MinioClient client;
    private final MinioClient links;
    private final String bucket;
    private volatile boolean bucketKnown;

    public ObjectStore(MinioClient client, String bucket) {
        this(client, client, bucket);
    }

    /** {@code links} makes the presigned links: a client of the address browsers reach the store at. */
    public ObjectStore(MinioClient client, MinioClient links, String bucket) {
        this.client = Objects.requireNonNull(client, "client");
        this.links = Objects.requireNonNull(links, "links");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores the bytes under a fresh random key, {@code prefix/ab/ab…} (32 hex digits), and returns the key. The
     * two-level prefix spreads keys, which some S3 backends prefer.
     */
    public String putUnderRandomKey(String prefix, byte[] content, String contentType) throws Exception {
        String key = randomKey(prefix);
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).contentType(contentType)
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
        return key;
    }

    public InputStream open(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /**
     * A GET link valid for {@code seconds}: the browser loads the object straight from the store, at the address
     * the links' client names.
     */
    public String presignedGet(String key, int seconds) throws Exception {
        return links.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                .bucket(bucket).object(key).expiry(seconds).build());
    }

    public void delete(String key) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    }

    public boolean bucketExists() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    /** Makes the bucket unless it is there; {@link BucketInitializer} calls it when the service is ready. */
    public void createBucketIfMissing() throws Exception {
        if (!bucketExists()) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        bucketKnown = true;
    }

    /**
     * {@link #createBucketIfMissing()} unless that already succeeded in this process: for a service that lets an
     * upload create the bucket when the store was down while it started.
     */
    public void ensureBucket() throws Exception {
        if (!bucketKnown) {
            createBucketIfMissing();
        }
    }

    private static String randomKey(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        return prefix + "/" + hex.substring(0, 2) + "/" + hex;
    }
}
