package org.baokao.system.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The faults of a chaos run, each at its moment, injected and repaired through {@code ./baokao} as an orchestrator
 * would: {@code kill -9} of a component and its restart, the Kafka broker stopped for a while, PostgreSQL restarted.
 * Each fault waits for its moment and, if it has one, its cue (e.g. a payment just pressed at the bank, so that the
 * bank's notification arrives while payment-service is dead).
 */
final class Faults {

    private final Path home;
    private final List<String> log = new ArrayList<>();

    Faults(Path home) {
        this.home = home;
    }

    /** One fault: after {@code at} from the start and once {@code cue} holds, {@code inject}. */
    record Fault(Duration at, String name, BooleanSupplier cue, List<List<String>> commands, Duration hold) {

        static Fault killAndRestart(Duration at, String component, BooleanSupplier cue) {
            return new Fault(at, "kill -9 " + component, cue, List.of(List.of("kill", component),
                    List.of("start", component)), Duration.ZERO);
        }

        static Fault stopFor(Duration at, String component, Duration hold) {
            return new Fault(at, "stop " + component + " for " + hold.toSeconds() + " s", () -> true,
                    List.of(List.of("stop", component), List.of("start", component)), hold);
        }

        static Fault restart(Duration at, String component) {
            return new Fault(at, "restart " + component, () -> true,
                    List.of(List.of("stop", component), List.of("start", component)), Duration.ZERO);
        }
    }

    /** Runs the faults in order on this thread; answers what was done, when, and how long each repair took. */
    List<String> inject(Instant start, List<Fault> faults) {
        for (Fault fault : faults) {
            sleepUntil(start.plus(fault.at()));
            Instant cueBy = Instant.now().plusSeconds(60);
            while (!fault.cue().getAsBoolean() && Instant.now().isBefore(cueBy)) {
                sleep(Duration.ofMillis(100));
            }
            Instant began = Instant.now();
            baokao(fault.commands().getFirst());
            sleep(fault.hold());
            for (List<String> repair : fault.commands().subList(1, fault.commands().size())) {
                baokao(repair);
            }
            String line = String.format("  %5.0f s  %-40s repaired in %.0f s",
                    Duration.between(start, began).toMillis() / 1000.0, fault.name(),
                    Duration.between(began, Instant.now()).toMillis() / 1000.0);
            System.out.println(line);
            log.add(line);
        }
        return List.copyOf(log);
    }

    private void baokao(List<String> args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("baokao").toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("./baokao " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./baokao in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleepUntil(Instant moment) {
        Duration left = Duration.between(Instant.now(), moment);
        if (!left.isNegative()) {
            sleep(left);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
