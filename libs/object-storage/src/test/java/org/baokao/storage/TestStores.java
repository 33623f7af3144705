package org.baokao.storage;

import java.util.UUID;

import org.baokao.testkit.TestServers;

import io.minio.MinioClient;

/** Stores on the test kit's real S3 server, each test on a bucket of its own. */
final class TestStores {

    private TestStores() {
    }

    static MinioClient client() {
        return MinioClient.builder().endpoint(TestServers.s3Endpoint())
                .credentials(TestServers.s3AccessKey(), TestServers.s3SecretKey()).build();
    }

    static String freshBucket() {
        return "test-" + UUID.randomUUID();
    }

    /** A store on a bucket nobody has made yet. */
    static ObjectStore onFreshBucket() {
        return new ObjectStore(client(), freshBucket());
    }

    /** A store whose server does not answer: a port nothing listens on. */
    static ObjectStore unreachable() {
        return new ObjectStore(MinioClient.builder().endpoint("http://127.0.0.1:9")
                .credentials(TestServers.s3AccessKey(), TestServers.s3SecretKey()).build(), freshBucket());
    }
}
