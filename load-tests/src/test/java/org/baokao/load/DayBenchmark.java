package org.baokao.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CoursePick;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.Latencies;
import org.baokao.testkit.LocalStack;
import org.baokao.testkit.ServiceMetrics;
import org.baokao.testkit.StackTable;
import org.baokao.testkit.SyntheticPortraits;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./baokao bench day} (issue 23 §1): registration day on the running stack. Prints, in one run: complete
 * candidate journeys/s sustained with no error (the highest level of the arrival model at which every journey that
 * arrived completed, so no request failed), p50/p99 of each step of the journey per level, the ceiling measured in
 * the same run (cores ÷ CPU seconds of the journey's password hashes and photo check, raw, {@link CeilingRounds},
 * the median of rounds before and after the load as this shared machine's speed drifts) and the ratio (goal ≥ 50 %),
 * then where the CPU went: each stack process's CPU seconds per completed journey over the measured window
 * ({@link StackCpu}). Gatling's HTML report is kept under {@code load-tests/target/gatling/}.
 * The arrivals are of both bureaus: {@code bench.shanghai-share} of them (a quarter) new Shanghai 自考 candidates
 * who go on to pay for two courses, the others Shandong 专升本 candidates on the roster.
 * Options: {@code -Dbench.from=0.2 -Dbench.step=0.2 -Dbench.levels=6 -Dbench.level-seconds=30
 * -Dbench.ramp-seconds=5 -Dbench.raw-seconds=4 -Dbench.shanghai-share=0.25}.
 */
public final class DayBenchmark {

    private static final String PASSWORD = "Bench@2026x";
    private static final int PORTRAITS = 16;
    private static final long RAW_MILLIS = Integer.getInteger("bench.raw-seconds", 4) * 1000L;
    private static final double GOAL = 0.5;
    /** Of the arrivals, new Shanghai 自考 candidates who go on to pay for courses; the rest Shandong 专升本's. */
    private static final double SHANGHAI_SHARE = Double.parseDouble(System.getProperty("bench.shanghai-share",
            "0.25"));

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        LoadPlan plan = LoadPlan.fromSystemProperties();
        System.out.printf("== Registration day (Gatling): %d cores; arrivals/s by level %s, each %d s, ramps %d s;"
                + " %d journeys%n", cores, plan.describe(), plan.level().toSeconds(), plan.ramp().toSeconds(),
                plan.arrivals());

        // the portraits the journeys upload and the photo round checks: 2 megapixels, as a phone's, cropped to 3:4
        List<byte[]> portraits = new ArrayList<>();
        for (int i = 0; i < PORTRAITS; i++) {
            portraits.add(SyntheticPortraits.portraitJpeg(1224, 2300 + i));
        }
        List<CeilingRounds.Round> rounds = new ArrayList<>();
        try (CeilingRounds raw = new CeilingRounds(cores, RAW_MILLIS, portraits)) {
            rounds.add(raw.measure(true));
            rounds.add(raw.measure(false));
            print("raw round before the load", rounds);

            LoadPlan shandongPlan = plan.share(1 - SHANGHAI_SHARE);
            LoadPlan shanghaiPlan = plan.share(SHANGHAI_SHARE);
            List<Candidate> shandong = LocalStack.newCandidates(spare(shandongPlan.arrivals()), PASSWORD);
            List<Candidate> shanghai = LocalStack.newCandidates(spare(shanghaiPlan.arrivals()), PASSWORD,
                    LocalStack.SHANGHAI_DISTRICTS);
            long importStart = System.nanoTime();
            LocalStack.putOnRoster(LocalStack.DEMO_EXAM, shandong, LocalStack.operatorToken());
            System.out.printf("roster: %d Shandong candidates imported in %.1f s; %d new Shanghai candidates (%.0f %%"
                    + " of the arrivals)%n", shandong.size(), (System.nanoTime() - importStart) / 1e9,
                    shanghai.size(), 100 * SHANGHAI_SHARE);
            List<Candidate> everyone = new ArrayList<>(shandong);
            everyone.addAll(shanghai);
            Map<Candidate, String> addresses = LocalStack.clientAddresses(everyone);
            DayRun.ShanghaiSitting sitting = shanghaiSitting();
            System.out.printf("Shanghai: %s/%s, courses %s (%s) and %s (%s)%n", sitting.pick().university(),
                    sitting.pick().major(), sitting.pick().first(), sitting.pick().firstSlot(),
                    sitting.pick().second(), sitting.pick().secondSlot());
            JourneyLog log = new JourneyLog();
            DayRun.prepare(new DayRun(plan, SHANGHAI_SHARE, feed(shandong, addresses), feed(shanghai, addresses),
                    sitting, portraits, log));

            Path results = StackTable.repository().resolve("load-tests/target/gatling");
            Map<String, Double> cpuBefore = StackCpu.snapshot();
            double hashingBefore = hashingCpuSeconds();
            long began = System.nanoTime();
            int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                    "--simulation", RegistrationDaySimulation.class.getName(),
                    "--results-folder", results.toString(),
                    "--run-description", "./baokao bench day: arrivals/s " + plan.describe()});
            double window = (System.nanoTime() - began) / 1e9;
            Map<String, Double> cpuAfter = StackCpu.snapshot();
            double hashing = hashingCpuSeconds() - hashingBefore;

            rounds.add(raw.measure(false));
            print("raw round after the load", rounds.subList(2, 3));

            System.out.println();
            System.out.printf("Gatling finished with status %d; its report: %s%n", status, newestReport(results));
            report(cores, plan, log, rounds, cpuAfter, cpuBefore, window, hashing);
        }
        System.exit(0);
    }

    private static void report(int cores, LoadPlan plan, JourneyLog log, List<CeilingRounds.Round> rounds,
            Map<String, Double> cpuAfter, Map<String, Double> cpuBefore, double window, double hashing) {
        System.out.println();
        System.out.println("Journeys by level (a journey counts in the level it arrived in; ramps apart):");
        System.out.printf("  %-6s %10s %8s %10s %11s  %s%n", "level", "arrivals/s", "arrived", "completed",
                "completed/s", "failed at");
        int sustained = -1;
        for (int n = 0; n < plan.levels(); n++) {
            int arrived = log.arrivedIn(n);
            int completed = log.completedIn(n);
            if (arrived > 0 && arrived == completed) {
                sustained = n;
            }
            System.out.printf("  %-6d %10.2f %8d %10d %11.2f  %s%n", n + 1, plan.rate(n), arrived, completed,
                    completed / (plan.level().toMillis() / 1000.0), failures(log.failedAt(n)));
        }
        System.out.printf("  %-6s %10s %8d %10d %11s  %s%n", "ramps", "", log.arrivedIn(-1), log.completedIn(-1), "",
                failures(log.failedAt(-1)));
        System.out.printf("  by bureau, the whole run: Shandong %d of %d completed, Shanghai %d of %d completed%n",
                log.completedBy(DayRun.SHANDONG), log.beganBy(DayRun.SHANDONG), log.completedBy(DayRun.SHANGHAI),
                log.beganBy(DayRun.SHANGHAI));

        System.out.println();
        System.out.println("p50 / p99 of each step in ms, by level (a step's requests and, for the waits, the polls "
                + "between them):");
        StringBuilder header = new StringBuilder("  %-28s".formatted("step"));
        for (int n = 0; n < plan.levels(); n++) {
            header.append("%17s".formatted("level " + (n + 1)));
        }
        System.out.println(header);
        for (String step : log.steps().stream().sorted().toList()) {
            StringBuilder row = new StringBuilder("  %-28s".formatted(step));
            for (int n = 0; n < plan.levels(); n++) {
                Latencies took = log.step(n, step);
                row.append(took.count() == 0 ? "%17s".formatted("-")
                        : "%17s".formatted("%.0f / %.0f".formatted(took.percentileMillis(50),
                                took.percentileMillis(99))));
            }
            System.out.println(row);
        }

        CeilingRounds.Round median = rounds.stream().sorted(Comparator.comparingDouble(CeilingRounds.Round::perJourney))
                .toList().get(rounds.size() / 2);
        double ceiling = cores / median.perJourney(SHANGHAI_SHARE);
        double sustainedRate = sustained < 0 ? 0 : log.completedIn(sustained) / (plan.level().toMillis() / 1000.0);
        int completed = log.completedInAll();

        System.out.println();
        System.out.printf("Where the CPU went: %.0f s measured window, %d journeys completed (%d arrived)%n", window,
                completed, log.beganInAll());
        System.out.printf("  %-28s %12s %16s %10s%n", "process", "CPU s", "CPU s / journey", "share");
        double machine = cpuAfter.get(StackCpu.MACHINE) - cpuBefore.get(StackCpu.MACHINE);
        Map<String, Double> used = new LinkedHashMap<>();
        cpuAfter.forEach((name, after) -> {
            if (!name.equals(StackCpu.MACHINE) && cpuBefore.containsKey(name)) {
                used.put(name, after - cpuBefore.get(name));
            }
        });
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(entry ->
                System.out.printf("  %-28s %12.1f %16.3f %9.0f%%%n", entry.getKey(), entry.getValue(),
                        completed == 0 ? Double.NaN : entry.getValue() / completed, 100 * entry.getValue() / machine));
        double listed = used.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("  %-28s %12.1f %16.3f %9.0f%%%n", "others on the machine", machine - listed,
                completed == 0 ? Double.NaN : (machine - listed) / completed, 100 * (machine - listed) / machine);
        System.out.printf("  %-28s %12.1f %16.3f %9s  (of %.0f s the %d cores had)%n", StackCpu.MACHINE, machine,
                completed == 0 ? Double.NaN : machine / completed, "100%", window * cores, cores);
        // a Shandong journey that logged in paid both Argon2id operations, a Shanghai one that registered its one,
        // whether it completed or not
        int operations = 2 * log.passed(ShandongJourney.LOGIN) + log.passed(ShanghaiJourney.REGISTER);
        System.out.printf("  account-service's own password hashing (metric baokao.password.hashing.cpu): %.3f s per "
                + "Argon2id operation (%d); raw, a hash and a verification: %.3f s each%n",
                operations == 0 ? Double.NaN : hashing / operations, operations,
                (median.encode() + median.verify()) / 2);

        System.out.println();
        System.out.printf("ceiling: %d cores / (%.3f s hash + %.0f %% × %.3f s verify + %.3f s photo check) = %.2f "
                + "journeys/s (a Shanghai journey's registration logs it in: no verification; median of %d raw "
                + "rounds: %s)%n", cores, median.encode(), 100 * (1 - SHANGHAI_SHARE), median.verify(),
                median.photoCheck(), ceiling, rounds.size(), rounds.stream()
                        .map(r -> "%.2f".formatted(cores / r.perJourney(SHANGHAI_SHARE))).toList());
        System.out.println();
        System.out.printf("RESULT complete journeys/s with 0 errors %.2f (%s) | ceiling %.2f/s | journeys/ceiling "
                + "%.0f%% (goal >= %.0f%%)%n", sustainedRate,
                sustained < 0 ? "no level completed every journey" : "level " + (sustained + 1), ceiling,
                100 * sustainedRate / ceiling, 100 * GOAL);
    }

    /** Candidates for {@code arrivals}, and a tenth more: the feeder must not run dry on a late arrival. */
    private static int spare(int arrivals) {
        return arrivals + arrivals / 10 + 5;
    }

    private static Iterator<Map<String, Object>> feed(List<Candidate> candidates, Map<Candidate, String> addresses) {
        return candidates.stream().map(candidate -> Map.<String, Object>of("idNumber", candidate.idNumber(),
                "phone", candidate.phone(), "password", candidate.password(),
                "clientAddress", addresses.get(candidate))).iterator();
    }

    /**
     * The demo Shanghai registration sitting: a university and major with theory courses in two slots (the
     * operators' view of its plan) and the version of the 诚信承诺书 its registration form accepts.
     */
    private static DayRun.ShanghaiSitting shanghaiSitting() {
        HttpProbe gateway = HttpProbe.at(LocalStack.GATEWAY);
        String exam = gateway.get("/sh/api/enrollments/public/bureau").json().path("registrationExamCode")
                .asString();
        JsonNode plan = gateway.get("/sh/api/enrollments/operations/exams/" + exam, LocalStack.operatorToken())
                .json().path("catalogue");
        String pledgeVersion = gateway.get("/sh/api/enrollments/public/bureau/texts/integrity-pledge").json()
                .path("version").asString();
        return new DayRun.ShanghaiSitting(CoursePick.from(plan), pledgeVersion);
    }

    private static String failures(Map<String, ? extends Number> failedAt) {
        if (failedAt.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        failedAt.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> parts.add(entry.getValue() + " at " + entry.getKey()));
        return String.join(", ", parts);
    }

    private static void print(String what, List<CeilingRounds.Round> rounds) {
        for (CeilingRounds.Round round : rounds) {
            System.out.printf("%s: CPU per Argon2id hash %.1f ms, per verification %.1f ms, per photo check %.1f ms "
                    + "→ %.2f journeys/s on %d cores%n", what, 1000 * round.encode(), 1000 * round.verify(),
                    1000 * round.photoCheck(),
                    Runtime.getRuntime().availableProcessors() / round.perJourney(SHANGHAI_SHARE),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** account-service's {@code baokao.password.hashing.cpu}: the CPU its hashing threads used so far. */
    private static double hashingCpuSeconds() {
        return ServiceMetrics.counter("account-service", "baokao_password_hashing_cpu_seconds_total");
    }

    private static Path newestReport(Path results) {
        try (var runs = Files.list(results)) {
            return runs.filter(Files::isDirectory)
                    .max(Comparator.comparing(path -> path.toFile().lastModified()))
                    .map(path -> path.resolve("index.html")).orElse(results);
        } catch (IOException e) {
            return results;
        }
    }
}
