package org.baokao.testkit;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers mode's S3 server: SeaweedFS, the image docker-compose runs (MinIO's community edition stopped
 * publishing images in October 2025, so its Testcontainers module would pin a frozen server). One identity with
 * {@link TestS3}'s keys; signatures are required, as S3Proxy requires them in the embedded mode.
 */
final class ContainerS3 implements RunningServer {

    static final String IMAGE = "chrislusf/seaweedfs:4.47";
    private static final int S3_PORT = 8333;
    private static final String CONFIG = "/etc/seaweedfs/s3.json";

    private final GenericContainer<?> container;

    private ContainerS3(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerS3 start() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withCommand("server", "-dir=/data", "-s3", "-s3.port=" + S3_PORT, "-s3.config=" + CONFIG)
                .withCopyToContainer(Transferable.of(identities()), CONFIG)
                .withExposedPorts(S3_PORT)
                // an unsigned request is answered (403) once the gateway serves, before that it is refused or 5xx
                .waitingFor(Wait.forHttp("/").forPort(S3_PORT).forStatusCodeMatching(status -> status < 500)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        container.start();
        return new ContainerS3(container);
    }

    /** The same file as infra/docker/seaweedfs/s3.json, with the kit's keys. */
    static String identities() {
        return """
                {"identities": [{"name": "baokao",
                  "credentials": [{"accessKey": "%s", "secretKey": "%s"}],
                  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
                """.formatted(TestS3.ACCESS_KEY, TestS3.SECRET_KEY);
    }

    @Override
    public String address() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(S3_PORT);
    }

    @Override
    public void stop() {
        container.stop();
    }
}
