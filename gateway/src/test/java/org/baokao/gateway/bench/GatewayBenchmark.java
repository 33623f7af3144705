package org.baokao.gateway.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ProcessCpu;
import org.baokao.testkit.StackTable;

/**
 * What does the gateway cost? The same cheap GET, through the gateway and straight to its service, in one run on
 * the running stack ({@code ./baokao up && ./baokao bench gateway}); prints both throughputs, their ratio (goal:
 * through the gateway at least 60% of direct), the p50/p99 of each and the latency the gateway adds (goal: at most
 * 1 ms at p50).
 * <p>
 * The call: {@code GET /api/enrollments/public/exams} of enrollment-service: public (no token to check at either
 * end), one small indexed query, 476 bytes of JSON, the first call of the candidate UI's exam pages. A cheaper
 * endpoint makes the gateway's share look bigger, a dearer one smaller; this one is what a crowd opening the site
 * asks for. {@code -Dbench.path=... -Dbench.service=NAME} measure another.
 * <p>
 * How: a fixed number of keep-alive connections (32) each send the GET back to back; after a warm-up of each
 * address (unmeasured, until the JIT compilers are nearly quiet: C2 compiles the gateway's hot paths for minutes
 * on two busy cores), rounds alternate between the gateway and the service in ABBA order, so drift of this shared
 * machine's speed hits both alike; the figures are the medians of the rounds. The same generator then measures
 * both with a single connection: the latency the gateway adds to one request when nothing queues, where at 32
 * connections the two cores are saturated and latency is mostly the queue (Little's law: 32 / throughput).
 * <p>
 * Each round prints the CPU per request, read from {@code /proc}, of the gateway's and the service's JVM, of
 * PostgreSQL and of the generator, and how much of the machine the rest took (other engineers' builds and tests on
 * the shared cores). Their sums are the cost of a request each way, and their quotient the ratio the gateway would
 * reach with the two cores to itself. The Linux scheduler shares a busy machine between sessions (autogroup), and
 * each stack component runs in its own session: when others keep the cores busy, the gateway gets one session's
 * share and its throughput falls with its own CPU per request rather than with the whole path's.
 * <p>
 * The generator shares the two cores with the gateway and the service, so it must cost little: wrk (C, epoll,
 * one thread) by default, installed by {@code ./baokao bench gateway} from Debian when missing: 10-15 µs of CPU per
 * request straight to the service, 0.03 cores. {@code -Dbench.generator=java} uses the JDK HttpClient on virtual
 * threads instead: 77 µs per request in the same setting, 0.22 cores taken from the two the measured processes
 * share (each round prints the generator's own CPU). Options: {@code -Dbench.connections=32
 * -Dbench.seconds=10 -Dbench.rounds=3 -Dbench.warmup.slices=9 -Dbench.latency.rounds=2 -Dbench.wrk.threads=1}.
 */
public final class GatewayBenchmark {

    private static final String PATH = System.getProperty("bench.path", "/api/enrollments/public/exams");
    private static final String SERVICE = System.getProperty("bench.service", "enrollment-service");
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /** Warm-up slices per address, until the JIT compilers are (nearly) quiet, at most this many. */
    private static final Duration WARM_UP_SLICE = Duration.ofSeconds(10);
    private static final int WARM_UP_SLICES = Integer.getInteger("bench.warmup.slices", 9);
    /** Warm when the compiler threads took less than this share of the JVMs' CPU in a slice. */
    private static final double QUIET_JIT = 0.03;
    private static final Duration LATENCY_ROUND = Duration.ofSeconds(Integer.getInteger("bench.latency.seconds", 5));
    private static final int LATENCY_ROUNDS = Integer.getInteger("bench.latency.rounds", 2);

    enum Target {
        GATEWAY, DIRECT
    }

    /** One round and the CPU seconds each process used meanwhile. */
    record Measured(Target target, Round round, double gatewayCpu, double serviceCpu, double postgresCpu,
            double gatewayJit, double serviceJit, double machineBusy) {

        double micros(double cpuSeconds) {
            return cpuSeconds * 1e6 / round.requests();
        }

        /** The gateway's CPU counts only on its rounds: on direct ones it is idle (health checks, metrics). */
        double gatewayCpuOnPath() {
            return target == Target.GATEWAY ? gatewayCpu : 0;
        }

        /** CPU per request along the path: gateway (on its rounds), service, PostgreSQL and generator. */
        double pathMicros() {
            return micros(gatewayCpuOnPath() + serviceCpu + postgresCpu + round.generatorCpuSeconds());
        }

        /** The share of the JVMs' CPU their JIT compilers took: still compiling, or warm. */
        double jitShare() {
            double jit = (target == Target.GATEWAY ? gatewayJit : 0) + serviceJit;
            double cpu = gatewayCpuOnPath() + serviceCpu;
            return cpu == 0 ? 0 : jit / cpu;
        }

        /** The machine's busy CPU not spent by the path (gateway, service, PostgreSQL, generator), in cores. */
        double restCores() {
            return (machineBusy - gatewayCpu - serviceCpu - postgresCpu - round.generatorCpuSeconds())
                    / round.seconds();
        }
    }

    private final LoadGenerator generator;
    private final String gatewayUrl = StackTable.urlOf("gateway") + PATH;
    private final String directUrl = StackTable.urlOf(SERVICE) + PATH;
    private final long gatewayPid = ProcessCpu.pidOf("gateway");
    private final long servicePid = ProcessCpu.pidOf(SERVICE);

    private ManyClients crowd;

    private GatewayBenchmark(LoadGenerator generator) {
        this.generator = generator;
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator generator = switch (System.getProperty("bench.generator", "wrk")) {
            case "wrk" -> {
                if (!WrkGenerator.installed()) {
                    throw new IllegalStateException("no /usr/bin/wrk: apt-get install -y wrk, or -Dbench.generator=java");
                }
                yield new WrkGenerator(Integer.getInteger("bench.wrk.threads", 1));
            }
            case "java" -> new JavaClientGenerator();
            default -> throw new IllegalArgumentException("bench.generator is wrk or java");
        };
        new GatewayBenchmark(generator).run();
        System.exit(0);
    }

    private void run() throws Exception {
        sameAnswerBothWays();
        crowd = new ManyClients(admissionPass());
        System.out.printf("== Gateway benchmark: GET %s through the gateway (%s) and straight to %s (%s)%n", PATH,
                gatewayUrl, SERVICE, directUrl);
        System.out.printf("%d keep-alive connections, %s, %d rounds of %d s each in ABBA order after a warm-up, "
                + "%d cores%n", CONNECTIONS, generator.describe(), ROUNDS, ROUND.toSeconds(),
                Runtime.getRuntime().availableProcessors());
        for (Target target : Target.values()) {
            warmUp(target);
        }
        List<Measured> rounds = alternate(CONNECTIONS, ROUND, ROUNDS);
        List<Measured> single = List.of();
        if (LATENCY_ROUNDS > 0) {
            System.out.println("-- the same with 1 connection: the latency one request pays when nothing queues");
            single = alternate(1, LATENCY_ROUND, LATENCY_ROUNDS);
        }
        System.out.println();
        printCost(rounds);
        double gateway = median(rounds, Target.GATEWAY, m -> m.round().perSecond());
        double direct = median(rounds, Target.DIRECT, m -> m.round().perSecond());
        System.out.printf("RESULT %d connections: direct %.0f/s (p50 %.2f ms, p99 %.2f ms) | gateway %.0f/s (p50 %.2f ms,"
                + " p99 %.2f ms) | gateway/direct %.0f%% (goal >= 60%%) | added p50 %+.2f ms, p99 %+.2f ms%n",
                CONNECTIONS, direct, median(rounds, Target.DIRECT, m -> m.round().p50Millis()),
                median(rounds, Target.DIRECT, m -> m.round().p99Millis()), gateway,
                median(rounds, Target.GATEWAY, m -> m.round().p50Millis()),
                median(rounds, Target.GATEWAY, m -> m.round().p99Millis()), 100 * gateway / direct,
                added(rounds, m -> m.round().p50Millis()), added(rounds, m -> m.round().p99Millis()));
        if (!single.isEmpty()) {
            System.out.printf("RESULT 1 connection: added latency p50 %+.2f ms (goal <= 1 ms), p99 %+.2f ms (direct "
                    + "p50 %.2f ms, gateway p50 %.2f ms)%n", added(single, m -> m.round().p50Millis()),
                    added(single, m -> m.round().p99Millis()),
                    median(single, Target.DIRECT, m -> m.round().p50Millis()),
                    median(single, Target.GATEWAY, m -> m.round().p50Millis()));
        }
    }

    /** The CPU a request costs each way (medians of the rounds) and the ratio that makes on two idle cores. */
    private static void printCost(List<Measured> rounds) {
        double direct = median(rounds, Target.DIRECT, Measured::pathMicros);
        double through = median(rounds, Target.GATEWAY, Measured::pathMicros);
        System.out.printf("CPU per request direct: service %.0f µs + PostgreSQL %.0f + generator %.0f = %.0f µs%n",
                median(rounds, Target.DIRECT, m -> m.micros(m.serviceCpu())),
                median(rounds, Target.DIRECT, m -> m.micros(m.postgresCpu())),
                median(rounds, Target.DIRECT, m -> m.micros(m.round().generatorCpuSeconds())), direct);
        System.out.printf("CPU per request through the gateway: gateway %.0f µs + service %.0f + PostgreSQL %.0f + "
                + "generator %.0f = %.0f µs%n", median(rounds, Target.GATEWAY, m -> m.micros(m.gatewayCpu())),
                median(rounds, Target.GATEWAY, m -> m.micros(m.serviceCpu())),
                median(rounds, Target.GATEWAY, m -> m.micros(m.postgresCpu())),
                median(rounds, Target.GATEWAY, m -> m.micros(m.round().generatorCpuSeconds())), through);
        System.out.printf("RESULT CPU cost ratio direct/gateway %.0f%%: the throughput ratio with the two cores to "
                + "ourselves; others took %.2f cores (median) during the rounds%n", 100 * direct / through,
                rounds.stream().mapToDouble(Measured::restCores).sorted().skip(rounds.size() / 2).findFirst()
                        .orElse(0));
    }

    /**
     * Load on one address in slices of 10 s until the JIT compilers of the JVMs it reaches are nearly quiet, then
     * one slice more.
     */
    private void warmUp(Target target) throws Exception {
        for (int slice = 1; slice <= WARM_UP_SLICES; slice++) {
            Measured warming = measure(target, CONNECTIONS, WARM_UP_SLICE);
            System.out.println("warm-up (not counted) " + line(warming));
            if (warming.jitShare() < QUIET_JIT) {
                System.out.println("warm-up (not counted) " + line(measure(target, CONNECTIONS, WARM_UP_SLICE)));
                return;
            }
        }
        System.out.printf("still compiling after %d s of warm-up: the rounds' figures move%n",
                WARM_UP_SLICES * WARM_UP_SLICE.toSeconds());
    }

    /** Rounds of both targets in ABBA order (gateway, direct, direct, gateway, ...), each printed as it ends. */
    private List<Measured> alternate(int connections, Duration duration, int rounds) throws Exception {
        List<Measured> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Target> order = round % 2 == 0 ? List.of(Target.GATEWAY, Target.DIRECT)
                    : List.of(Target.DIRECT, Target.GATEWAY);
            for (Target target : order) {
                Measured one = measure(target, connections, duration);
                measured.add(one);
                System.out.println("round " + (round + 1) + " " + line(one));
                if (one.round().errors() > 0) {
                    // a refused or failed request is cheap: the round's throughput would flatter that way
                    throw new IllegalStateException("errors in a counted round (a 4xx, 5xx or a broken connection):"
                            + " the comparison means nothing");
                }
            }
        }
        return measured;
    }

    private Measured measure(Target target, int connections, Duration duration) throws Exception {
        double gatewayBefore = ProcessCpu.secondsOf(gatewayPid);
        double serviceBefore = ProcessCpu.secondsOf(servicePid);
        double postgresBefore = ProcessCpu.postgresSeconds();
        double gatewayJitBefore = ProcessCpu.compilerSecondsOf(gatewayPid);
        double serviceJitBefore = ProcessCpu.compilerSecondsOf(servicePid);
        double machineBefore = ProcessCpu.machineBusySeconds();
        Round round = generator.run(target == Target.GATEWAY ? gatewayUrl : directUrl, crowd, connections,
                duration);
        return new Measured(target, round, ProcessCpu.secondsOf(gatewayPid) - gatewayBefore,
                ProcessCpu.secondsOf(servicePid) - serviceBefore, ProcessCpu.postgresSeconds() - postgresBefore,
                ProcessCpu.compilerSecondsOf(gatewayPid) - gatewayJitBefore,
                ProcessCpu.compilerSecondsOf(servicePid) - serviceJitBefore,
                ProcessCpu.machineBusySeconds() - machineBefore);
    }

    private static String line(Measured m) {
        Round r = m.round();
        return "%-7s %6.0f/s p50 %6.2f ms p99 %6.2f ms errors %d | CPU µs per request: gateway %4.0f, service %4.0f, "
                .formatted(m.target().name().toLowerCase(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors(),
                        m.micros(m.gatewayCpu()), m.micros(m.serviceCpu()))
                + "PostgreSQL %3.0f, generator %3.0f (%.2f cores) | JIT %2.0f%% | others %.2f cores".formatted(
                        m.micros(m.postgresCpu()), m.micros(r.generatorCpuSeconds()), r.generatorCores(),
                        100 * m.jitShare(), m.restCores());
    }

    private static double added(List<Measured> rounds, ToDoubleFunction<Measured> figure) {
        return median(rounds, Target.GATEWAY, figure) - median(rounds, Target.DIRECT, figure);
    }

    private static double median(List<Measured> rounds, Target target, ToDoubleFunction<Measured> figure) {
        List<Double> values = rounds.stream().filter(m -> m.target() == target).map(figure::applyAsDouble)
                .sorted(Comparator.naturalOrder()).toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /**
     * A waiting-room admission pass for the crowd ({@link ManyClients}), got as a browser gets one: a GET through the
     * gateway, then, if it was given a ticket (a line had formed), the same GET with the ticket each second until
     * its turn comes.
     */
    private String admissionPass() throws InterruptedException {
        HttpProbe gateway = HttpProbe.at(StackTable.urlOf("gateway"));
        String ticket = null;
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            HttpRequest.Builder request = gateway.request(PATH).header(ManyClients.ADDRESS_HEADER, "198.18.0.1");
            if (ticket != null) {
                request.header("Cookie", ticket);
            }
            HttpProbe.Answer answer = gateway.send(request);
            for (String set : answer.headers().allValues("Set-Cookie")) {
                String cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                if (cookie.startsWith("baokao_admission=")) {
                    return cookie;
                }
                if (cookie.startsWith("baokao_ticket=")) {
                    ticket = cookie;
                }
            }
            if (ticket == null) {
                throw new IllegalStateException("no admission pass and no ticket from the gateway: " + answer.status()
                        + " " + answer.body());
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the waiting room did not let the benchmark in within 3 minutes");
    }

    /** Both ways must answer 200 with the same body, or the comparison means nothing. */
    private void sameAnswerBothWays() {
        HttpProbe.Answer through = HttpProbe.at(StackTable.urlOf("gateway")).get(PATH);
        HttpProbe.Answer direct = HttpProbe.at(StackTable.urlOf(SERVICE)).get(PATH);
        if (through.status() != 200 || direct.status() != 200 || !through.body().equals(direct.body())) {
            throw new IllegalStateException("GET " + PATH + " answers differently: gateway " + through.status() + " "
                    + through.body() + ", " + SERVICE + " " + direct.status() + " " + direct.body());
        }
    }
}
