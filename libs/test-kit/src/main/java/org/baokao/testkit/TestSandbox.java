package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real third-party sandbox ({@code infra/sandbox}) as its own process, so a service's tests talk to the same
 * SMS gateway the local stack runs, over HTTP. The jar is built earlier in the reactor; surefire names it in
 * {@value #JAR_PROPERTY} (parent POM).
 */
final class TestSandbox {

    static final String JAR_PROPERTY = "baokao.testkit.sandbox-jar";

    // two cores shared with the test JVM and its PostgreSQL and Kafka: a Boot app can take a while here
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final String url;
    private final int smtpPort;

    private TestSandbox(Process process, String url, int smtpPort) {
        this.process = process;
        this.url = url;
        this.smtpPort = smtpPort;
    }

    static TestSandbox start() {
        Path jar = jar();
        try {
            int port = freePort();
            // its SMTP server too: the local stack's 2525 may be held by a running stack or another test JVM
            int smtpPort = freePort();
            Path log = Files.createTempDirectory("baokao-sandbox-").resolve("sandbox.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
                    "--server.address=127.0.0.1", "--sandbox.mail.smtp-port=" + smtpPort))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            String url = "http://127.0.0.1:" + port;
            awaitHealthy(process, url, log);
            return new TestSandbox(process, url, smtpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox did not start", e);
        }
    }

    String url() {
        return url;
    }

    int smtpPort() {
        return smtpPort;
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: the parent POM's"
                    + " surefire configuration sets it to infra/sandbox/target/sandbox.jar; set it when running"
                    + " tests some other way");
        }
        Path jar = Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Sandbox jar not found at " + jar.toAbsolutePath() + ": build it first"
                    + " (./baokao mvn -pl infra/sandbox install, or build the module with -am)");
        }
        return jar;
    }

    private static void awaitHealthy(Process process, String url, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The sandbox exited; see " + log + ":\n" + Files.readString(log));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        process.destroyForcibly();
        throw new IllegalStateException("The sandbox was not healthy at " + url + " within " + START_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
