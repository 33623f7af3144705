package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real S3 server: S3Proxy on the file system, as its own process (embedding it would drag ~160 jars that
 * clash with Spring Boot's). The jar comes from the build: modules that need S3 copy it into
 * {@code target/s3proxy/s3proxy.jar} and surefire names it in {@value #JAR_PROPERTY}.
 */
final class TestS3 implements RunningServer {

    static final String JAR_PROPERTY = "baokao.testkit.s3proxy-jar";
    static final String ACCESS_KEY = "baokao";
    static final String SECRET_KEY = "baokao-secret";

    private final Process process;
    private final String endpoint;

    private TestS3(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static TestS3 start() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar.toAbsolutePath()
                    + ": add the s3proxy-for-tests execution of maven-dependency-plugin to this module");
        }
        try {
            int port = freePort();
            Path work = Files.createTempDirectory("baokao-s3-");
            Path data = Files.createDirectories(work.resolve("data"));
            Path properties = work.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-jar",
                    jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("s3proxy.log").toFile())
                    .start();
            awaitPort(process, port, work.resolve("s3proxy.log"));
            return new TestS3(process, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("S3Proxy did not start", e);
        }
    }

    @Override
    public String address() {
        return endpoint;
    }

    @Override
    public void stop() {
        process.destroy();
    }

    private static void awaitPort(Process process, int port, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + log + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on " + port + " within 60 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
