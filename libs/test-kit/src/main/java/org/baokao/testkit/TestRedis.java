package org.baokao.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Redis server (Debian's {@code redis-server}, installed by {@code ./baokao} when missing) in a child process
 * of the test JVM, on a free port of 127.0.0.1, with no persistence: the store the gateway's rate limits and waiting
 * room share between instances (GW-1, GW-2). Two gateways started in one test against the same {@link #port()} share
 * their limits as two real instances would. {@link #restart()} stops the server and starts it again on the same
 * port, with its data gone (no persistence here; the local stack's server keeps an append-only file).
 * Start it through {@link TestServers#redis()}.
 */
public final class TestRedis {

    private static final String HOST = "127.0.0.1";
    private static final Path SERVER = Path.of("/usr/bin/redis-server");

    private final int port;
    private final Path directory;
    private Process process;

    private TestRedis(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    static TestRedis start() {
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException("Tests need Redis at " + SERVER
                    + ": run them through ./baokao (it installs redis-server), or apt-get install -y redis-server");
        }
        try {
            TestRedis redis = new TestRedis(freePort(), Files.createTempDirectory("baokao-redis"));
            redis.up();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, for Spring's {@code spring.data.redis.url}. */
    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    /** Deletes every key: tests that count start from nothing. */
    public void flushAll() {
        command("FLUSHALL");
    }

    /** Stops the server and starts a fresh one on the same port. */
    public synchronized void restart() {
        stop();
        up();
    }

    synchronized void up() {
        try {
            process = new ProcessBuilder(List.of(SERVER.toString(), "--port", String.valueOf(port), "--bind", HOST,
                    "--dir", directory.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start: see " + directory.resolve("redis.log"));
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still starting
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server did not answer PING within 20 s on port " + port);
    }

    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** One inline command, its first reply line (e.g. {@code +PONG}, {@code :3}). */
    public String command(String inline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
