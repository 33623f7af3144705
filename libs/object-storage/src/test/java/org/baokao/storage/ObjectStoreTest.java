package org.baokao.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;

import io.minio.RemoveBucketArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

/** A service's bucket against the test kit's real S3 server: random keys, bytes round-trip, links, bucket. */
class ObjectStoreTest {

    final ObjectStore store = TestStores.onFreshBucket();
    final byte[] content = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

    @Test
    void storesUnderRandomKeysAndReadsBack() throws Exception {
        store.createBucketIfMissing();

        String first = store.putUnderRandomKey("photos", content, "image/jpeg");
        String second = store.putUnderRandomKey("photos", content, "image/jpeg");

        assertThat(first).isNotEqualTo(second).matches("photos/([0-9a-f]{2})/\\1[0-9a-f]{30}");
        assertThat(second).matches("photos/([0-9a-f]{2})/\\1[0-9a-f]{30}");
        try (InputStream in = store.open(first)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(TestStores.client().statObject(StatObjectArgs.builder().bucket(store.bucket()).object(first)
                .build()).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aPresignedLinkServesTheObjectWithoutCredentials() throws Exception {
        store.createBucketIfMissing();
        String key = store.putUnderRandomKey("photos", content, "image/jpeg");

        String link = store.presignedGet(key, 60);
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(content);
        assertThat(link).contains("X-Amz-Expires=60");
    }

    @Test
    void aLinkIsMadeForThePublicAddressAndServesTheObjectThere() throws Exception {
        // the services reach the store as localhost, the browsers as 127.0.0.1 (a container network's alias and the
        // published port, in docker-compose): baokao.s3.public-endpoint
        String internal = TestServers.s3Endpoint().replace("127.0.0.1", "localhost");
        String published = internal.replace("localhost", "127.0.0.1");
        ObjectStorageProperties properties = new ObjectStorageProperties(internal, TestServers.s3AccessKey(),
                TestServers.s3SecretKey(), TestStores.freshBucket(), published, "us-east-1");
        ObjectStore store = new ObjectStorageAutoConfiguration().objectStore(
                new ObjectStorageAutoConfiguration().minioClient(properties), properties);
        store.createBucketIfMissing();
        String key = store.putUnderRandomKey("photos", content, "image/jpeg");

        String link = store.presignedGet(key, 60);

        assertThat(link).startsWith(published + "/" + store.bucket() + "/photos/");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(content);
    }

    @Test
    void aDeletedObjectIsGone() throws Exception {
        store.createBucketIfMissing();
        String key = store.putUnderRandomKey("phone-change", content, "image/png");

        store.delete(key);

        assertThatThrownBy(() -> store.open(key).close()).isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void theBucketIsMadeOnceAndKeptWhenThere() throws Exception {
        assertThat(store.bucketExists()).isFalse();

        store.createBucketIfMissing();
        String key = store.putUnderRandomKey("photos", content, "image/jpeg");
        store.createBucketIfMissing();

        assertThat(store.bucketExists()).isTrue();
        assertThat(store.open(key).readAllBytes()).as("making it again keeps what it holds").isEqualTo(content);
    }

    @Test
    void withoutTheBucketAPutFailsUnlessTheBucketIsEnsuredFirst() throws Exception {
        assertThatThrownBy(() -> store.putUnderRandomKey("photos", content, "image/jpeg"))
                .isInstanceOf(ErrorResponseException.class);

        store.ensureBucket();

        assertThat(store.bucketExists()).isTrue();
        assertThat(store.open(store.putUnderRandomKey("photos", content, "image/jpeg")).readAllBytes())
                .isEqualTo(content);
    }

    @Test
    void ensureBucketAsksTheStoreOnlyUntilItSucceeded() throws Exception {
        ObjectStore down = TestStores.unreachable();
        assertThatThrownBy(down::ensureBucket).as("not known yet: it asks, and fails").isInstanceOf(Exception.class);

        store.ensureBucket();
        TestStores.client().removeBucket(RemoveBucketArgs.builder().bucket(store.bucket()).build());
        store.ensureBucket();

        assertThat(store.bucketExists()).as("known since the first success: not asked again").isFalse();
    }
}
