package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;

/** Issue 24, Testcontainers mode: the S3 container is configured as docker-compose's, with the kit's keys. */
class ContainerS3Test {

    @Test
    void theContainersIdentitiesAreDockerComposesWithTheKitsKeys() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var compose = json.readTree(Files.readString(Path.of("../../infra/docker/seaweedfs/s3.json")));
        var kit = json.readTree(ContainerS3.identities());

        assertThat(kit).isEqualTo(compose);
        assertThat(kit.at("/identities/0/credentials/0/accessKey").asString()).isEqualTo(TestServers.s3AccessKey());
        assertThat(kit.at("/identities/0/credentials/0/secretKey").asString()).isEqualTo(TestServers.s3SecretKey());
    }
}
