package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/** Issue 24, Testcontainers mode: how the test kit chooses embedded servers or containers. */
class TestServerModeTest {

    private static final BooleanSupplier DOCKER_UP = () -> true;
    private static final BooleanSupplier DOCKER_DOWN = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("only auto may ask whether Docker runs");
    };

    @Test
    void withNothingSetTheServersAreEmbeddedAndDockerIsNotAsked() {
        assertThat(TestServerMode.resolve(null, null, MUST_NOT_ASK)).isEqualTo(TestServerMode.EMBEDDED);
        assertThat(TestServerMode.resolve(" ", "", MUST_NOT_ASK)).isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void containersIsChosenByThePropertyOrTheEnvironmentVariable() {
        assertThat(TestServerMode.resolve("containers", null, MUST_NOT_ASK)).isEqualTo(TestServerMode.CONTAINERS);
        assertThat(TestServerMode.resolve(null, "containers", MUST_NOT_ASK)).isEqualTo(TestServerMode.CONTAINERS);
        assertThat(TestServerMode.resolve(" Containers ", null, MUST_NOT_ASK)).isEqualTo(TestServerMode.CONTAINERS);
    }

    @Test
    void thePropertyOverridesTheEnvironmentVariable() {
        assertThat(TestServerMode.resolve("embedded", "containers", MUST_NOT_ASK)).isEqualTo(TestServerMode.EMBEDDED);
        assertThat(TestServerMode.resolve("containers", "embedded", MUST_NOT_ASK))
                .isEqualTo(TestServerMode.CONTAINERS);
    }

    @Test
    void autoTakesContainersOnlyWhenDockerAnswers() {
        assertThat(TestServerMode.resolve("auto", null, DOCKER_UP)).isEqualTo(TestServerMode.CONTAINERS);
        assertThat(TestServerMode.resolve("auto", null, DOCKER_DOWN)).isEqualTo(TestServerMode.EMBEDDED);
        assertThat(TestServerMode.resolve(null, "AUTO", DOCKER_DOWN)).isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void aMisspeltModeFailsInsteadOfRunningAnotherOne() {
        assertThatThrownBy(() -> TestServerMode.resolve("container", null, DOCKER_UP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'container'")
                .hasMessageContaining("embedded, containers or auto");
    }

    @Test
    void autoFallsBackToEmbeddedOnAMachineWithoutADockerEngine() {
        // the real question to Docker, as auto asks it; these machines have the client but no engine
        assumeFalse(TestServerMode.dockerAnswers(), "a Docker engine answers here: auto would take containers");
        assertThat(TestServerMode.resolve("auto", null, TestServerMode::dockerAnswers))
                .isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void thisJvmRunsTheEmbeddedServersUnlessToldOtherwise() {
        assumeTrue(System.getProperty(TestServerMode.PROPERTY) == null && System.getenv(TestServerMode.ENV) == null,
                "a test server mode is set for this run");
        assertThat(TestServers.mode()).isEqualTo(TestServerMode.EMBEDDED);
    }
}
