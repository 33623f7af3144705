package org.baokao.system;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.PhotoForm;
import org.baokao.testkit.StackTable;

/** The running local stack, as `./baokao up` started it, and the script's controls over it. */
final class Stack {

    static final HttpProbe GATEWAY = HttpProbe.at(StackTable.urlOf("gateway"));
    static final HttpProbe SANDBOX = HttpProbe.at(StackTable.urlOf("sandbox"));
    static final String KEYCLOAK = StackTable.urlOf("keycloak");

    /** A database of the stack's PostgreSQL (user and password baokao). */
    static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + StackTable.portOf("postgres") + "/" + database;
    }

    private static final Path HOME = Path.of(System.getProperty("baokao.home", "..")).toAbsolutePath().normalize();

    private Stack() {
    }

    /** The project's directory, where ./baokao keeps its state (.baokao/). */
    static Path home() {
        return HOME;
    }

    /** Runs {@code ./baokao ARGS} and fails on a non-zero exit. */
    static void baokao(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of(HOME.resolve("baokao").toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
            // through System.out: inherited, the script's output would go around the test runner's channel to
            // its forked JVM (failsafe's "Corrupted channel" warnings)
            process.inputReader().lines().forEach(System.out::println);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new AssertionError("./baokao " + String.join(" ", args) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run ./baokao in " + HOME, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A JPEG posted as the UI posts it (multipart, part {@code photo}) to a photo path through the gateway, with the
     * candidate's token or, for the phone's capture link, none ({@code bearer} null).
     */
    static HttpProbe.Answer uploadPhoto(String path, String bearer, byte[] jpeg) {
        HttpRequest.Builder request = PhotoForm.post(GATEWAY.request(path), jpeg);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return GATEWAY.send(request);
    }

    /** Polls until the condition holds; fails with {@code what} after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
    }
}
