package org.baokao.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.baokao.system.chaos.Faults.Fault;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.StackTable;

/**
 * A chaos run (issue 23 §2): candidates' journeys through the gateway while parts of the platform are killed and
 * restarted, then, once the platform has settled, the {@link Invariants} and the load's own figures. The full run
 * is {@code ./baokao chaos} (every service killed once, Kafka stopped for 30 s, PostgreSQL restarted, the gateway
 * killed); the short one, {@link #SHORT}, runs in {@code ./baokao test} as {@code ChaosSystemTest}.
 */
public final class ChaosRun {

    /** The sandbox banks as real ones behave on a bad day: two extra copies of each notification, 2 s late. */
    private static final String BAD_DAY_BANKS = "{\"duplicates\": 2, \"notifyDelayMs\": 2000}";
    private static final String PUNCTUAL_BANKS = "{\"duplicates\": 0, \"notifyDelayMs\": 0}";
    /** How long the platform gets to settle after the load (sweeps, retries, consumers catching up). */
    private static final Duration SETTLE = Duration.ofSeconds(150);

    /** A plan: how many candidates at once, for how long, and the faults. */
    record Plan(String name, int workers, Duration load, List<Fault> faults) {
    }

    /** What a run found: the load's figures, the faults injected, the invariants. */
    record Result(ChaosJourneys.Outcome load, List<String> faults, Invariants.Report invariants) {

        /** Load held: journeys completed, none abandoned, no 5xx but a breaker's 503. */
        boolean held() {
            return invariants.held() && load.abandoned().isEmpty() && load.unexpected5xx().isEmpty()
                    && !load.completed().isEmpty();
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("Load: %d journeys started, %d completed, %d abandoned%n", load.started(),
                    load.completed().size(), load.abandoned().size()));
            text.append(String.format("Answers by status: %s%n", load.statuses()));
            text.append(String.format("5xx: %d, of which a breaker's 503 (by design) %d, others %d; "
                    + "the gateway unreachable (connection refused) %d times%n", load.fiveHundreds(),
                    load.breakerAnswers(), load.unexpected5xx().size(), load.unreachable()));
            ChaosJourneys.firstOf(load.unexpected5xx(), 10).forEach(line -> text.append("    5xx: ").append(line)
                    .append('\n'));
            ChaosJourneys.firstOf(load.abandoned(), 10).forEach(line -> text.append("    abandoned: ").append(line)
                    .append('\n'));
            text.append("Faults injected:\n");
            faults.forEach(line -> text.append(line).append('\n'));
            text.append("Invariants:\n").append(invariants.describe());
            text.append(held() ? "RESULT chaos: load held, 0 lost, 0 doubled\n" : "RESULT chaos: BREACHED\n");
            return text.toString();
        }
    }

    /** CI's version: two kills, one of them payment-service while a bank's notifications are on their way. */
    static Plan shortPlan(ChaosJourneys journeys) {
        return new Plan("short", 3, Duration.ofSeconds(75), List.of(
                Fault.killAndRestart(Duration.ofSeconds(10), "payment-service", () -> journeys.paymentsPressed() > 0),
                Fault.killAndRestart(Duration.ofSeconds(45), "enrollment-service", () -> true)));
    }

    /** The whole of issue 23 §2. */
    static Plan fullPlan(ChaosJourneys journeys) {
        int workers = Integer.getInteger("chaos.workers", 6);
        return new Plan("full", workers, Duration.ofSeconds(Integer.getInteger("chaos.seconds", 420)), List.of(
                Fault.killAndRestart(Duration.ofSeconds(20), "payment-service", () -> journeys.paymentsPressed() > 0),
                Fault.killAndRestart(Duration.ofSeconds(70), "enrollment-service", () -> true),
                Fault.killAndRestart(Duration.ofSeconds(110), "account-service", () -> true),
                Fault.killAndRestart(Duration.ofSeconds(150), "photo-service", () -> true),
                Fault.killAndRestart(Duration.ofSeconds(190), "notification-service", () -> true),
                Fault.stopFor(Duration.ofSeconds(230), "kafka", Duration.ofSeconds(30)),
                Fault.restart(Duration.ofSeconds(300), "postgres"),
                Fault.killAndRestart(Duration.ofSeconds(350), "gateway", () -> true)));
    }

    static Result run(Path home, boolean full) throws InterruptedException {
        ChaosJourneys journeys = new ChaosJourneys();
        Plan plan = full ? fullPlan(journeys) : shortPlan(journeys);
        System.out.printf("== Chaos run (%s): %d candidates at a time for %d s, %d faults%n", plan.name(),
                plan.workers(), plan.load().toSeconds(), plan.faults().size());
        banks(BAD_DAY_BANKS);
        Instant start = Instant.now();
        try {
            CompletableFuture<ChaosJourneys.Outcome> load = CompletableFuture.supplyAsync(() -> {
                try {
                    return journeys.run(plan.workers(), plan.load());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            List<String> faults = new Faults(home).inject(start, plan.faults());
            ChaosJourneys.Outcome outcome = load.join();
            System.out.printf("load done after %d s; letting the platform settle (up to %d s)%n",
                    Duration.between(start, Instant.now()).toSeconds(), SETTLE.toSeconds());
            return new Result(outcome, faults, settled(start.minusSeconds(1)));
        } finally {
            banks(PUNCTUAL_BANKS);
        }
    }

    /** The invariants once they hold, or as they stand at the end of the settling time. */
    private static Invariants.Report settled(Instant since) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE);
        Invariants.Report report = Invariants.check(since);
        while (!report.held() && Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofSeconds(10));
            report = Invariants.check(since);
        }
        return report;
    }

    private static void banks(String behaviour) {
        HttpProbe sandbox = HttpProbe.at(StackTable.urlOf("sandbox"));
        HttpProbe.Answer answer = sandbox.send(sandbox.request("/sandbox/bank/api/behaviour")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(behaviour)));
        if (answer.status() != 200) {
            throw new IllegalStateException("the sandbox banks refused " + behaviour + ": " + answer.body());
        }
    }

    /** {@code ./baokao chaos}: the full run against the running stack; exit 1 on a breach. */
    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("baokao.home", ".")).toAbsolutePath().normalize();
        Result result = run(home, !(args.length > 0 && args[0].equals("short")));
        System.out.println();
        System.out.print(result.describe());
        System.exit(result.held() ? 0 : 1);
    }
}
