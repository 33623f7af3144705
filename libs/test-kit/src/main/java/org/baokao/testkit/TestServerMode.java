package org.baokao.testkit;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which servers {@link TestServers} starts (issue 24, Testcontainers mode): the embedded ones (PostgreSQL binaries,
 * an in-JVM Kafka broker, S3Proxy in a child process) by default, or the same servers as Docker containers through
 * Testcontainers. Chosen by the system property {@value #PROPERTY} or else the environment variable {@value #ENV}:
 * {@code embedded}, {@code containers}, or {@code auto} (containers when a Docker engine answers, embedded otherwise).
 */
public enum TestServerMode {

    EMBEDDED, CONTAINERS;

    public static final String PROPERTY = "baokao.test-servers";
    public static final String ENV = "BAOKAO_TEST_SERVERS";

    /** The mode this JVM's settings select; asks Docker only when they say {@code auto}. */
    static TestServerMode selected() {
        return resolve(System.getProperty(PROPERTY), System.getenv(ENV), TestServerMode::dockerAnswers);
    }

    /**
     * The mode named by {@code property}, else by {@code env} (blank counts as unset), else {@link #EMBEDDED}.
     * A misspelt value fails rather than quietly running another mode than the one asked for.
     */
    static TestServerMode resolve(String property, String env, BooleanSupplier dockerAvailable) {
        String named = isBlank(property) ? env : property;
        if (isBlank(named)) {
            return EMBEDDED;
        }
        return switch (named.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException("Unknown test server mode '" + named + "' (from -D"
                    + PROPERTY + " or " + ENV + "): use embedded, containers or auto");
        };
    }

    // In its own method so that the embedded mode never loads a Testcontainers class.
    static boolean dockerAnswers() {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
