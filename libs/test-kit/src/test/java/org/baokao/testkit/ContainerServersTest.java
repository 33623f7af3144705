package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, Testcontainers mode: the containers pass the probes the embedded servers pass ({@link TestServersTest}).
 * Needs a Docker engine; skipped without one (the CI machines here have none).
 */
class ContainerServersTest {

    // per test, not @BeforeAll: each test is then reported skipped with the reason, not silently absent
    @BeforeEach
    void needsDocker() {
        assumeTrue(TestServerMode.dockerAnswers(), "no Docker engine answers here: the containers cannot start");
    }

    @Test
    void postgresContainerAcceptsTheServiceUserAndKeepsData() throws Exception {
        RunningServer postgres = ContainerPostgres.start();
        try {
            TestServersTest.assertPostgresAcceptsTheServiceUserAndKeepsData(postgres.address());
        } finally {
            postgres.stop();
        }
    }

    @Test
    void kafkaContainerDeliversWhatWasProduced() throws Exception {
        RunningServer kafka = ContainerKafka.start();
        try {
            TestServersTest.assertKafkaDeliversWhatWasProduced(kafka.address());
        } finally {
            kafka.stop();
        }
    }

    @Test
    void s3ContainerStoresAndReturnsObjectsAndEnforcesSignatures() throws Exception {
        RunningServer s3 = ContainerS3.start();
        try {
            assertThat(s3.address()).startsWith("http://");
            TestServersTest.assertS3StoresAndReturnsObjectsAndEnforcesSignatures(s3.address());
        } finally {
            s3.stop();
        }
    }
}
