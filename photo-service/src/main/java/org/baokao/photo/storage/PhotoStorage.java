package org.baokao.photo.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Http;

/** Photo bytes in object storage, under random keys (PHO-3). */
@Component
public class PhotoStorage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MinioClient client;
    private final String bucket;

    PhotoStorage(MinioClient client, S3Properties properties) {
        this.client = client;
        this.bucket = properties.bucket();
    }

    /** Stores the bytes under a fresh random key and returns the key. */
    public String put(byte[] content, String contentType) throws Exception {
        String key = randomKey();
        client.putObject(PutObjectArgs.builder().bucket(bucket).object(key).contentType(contentType)
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
        return key;
    }

    public InputStream open(String key) throws Exception {
        return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    }

    /** A GET link valid for {@code seconds}: the browser loads the image straight from the store (PHO-3). */
    public String presignedGet(String key, int seconds) throws Exception {
        return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET).bucket(bucket)
                .object(key).expiry(seconds).build());
    }

    public void delete(String key) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    }

    boolean bucketExists() throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    void createBucketIfMissing() throws Exception {
        if (!bucketExists()) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    String bucket() {
        return bucket;
    }

    private static String randomKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().formatHex(bytes);
        // a two-level prefix spreads keys, which some S3 backends prefer
        return "photos/" + hex.substring(0, 2) + "/" + hex;
    }
}
