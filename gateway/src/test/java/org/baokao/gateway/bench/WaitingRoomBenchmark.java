package org.baokao.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.gateway.GatewayApplication;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.StackTable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The waiting room under load (GW-2), against the running stack ({@code ./baokao up && ./baokao bench
 * waiting-room}). Starts a gateway of its own in this JVM (profile local, a free port, the stack's services and
 * Redis, a line of its own under {@code bench-PID:{waiting-room}}) whose enrollment route has a small capacity
 * (requests in flight), and drives it with candidates' sessions: each a new visitor (no cookie, its own client
 * address) who, once in, calls {@code GET /api/enrollments/public/exams} (a database read of enrollment-service)
 * back to back for {@code bench.session-seconds}, holding on to the pass it is given; a visitor told 429
 * {@code QUEUED} polls {@code /waiting-room/status} until admitted, then makes its calls. A session lasts seconds,
 * not a handful of calls: what waits is a session, and a line that moves once a second behind sessions of a tenth of
 * a second would measure its own beat rather than the service (candidates stay for minutes).
 * <ol>
 * <li>At capacity: as many concurrent sessions as the capacity: the reference p99.</li>
 * <li>At 3× capacity: three times as many, new sessions all the time: 5xx must be 0, and the p99 of the admitted
 * requests is compared with the reference (goal ≤ 2×); the queue's length is sampled every second.</li>
 * <li>The load falls: no new sessions; the time until the line is empty.</li>
 * </ol>
 * Options: {@code -Dbench.capacity=8 -Dbench.session-seconds=10 -Dbench.warmup=15 -Dbench.seconds=40
 * -Dbench.overload-seconds=60 -Dbench.poll-ms=1000}.
 */
public final class WaitingRoomBenchmark {

    private static final int CAPACITY = Integer.getInteger("bench.capacity", 8);
    private static final Duration SESSION = Duration.ofSeconds(Long.getLong("bench.session-seconds", 10));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
    private static final Duration AT_CAPACITY = Duration.ofSeconds(Long.getLong("bench.seconds", 40));
    private static final Duration OVERLOAD = Duration.ofSeconds(Long.getLong("bench.overload-seconds", 60));
    private static final Duration POLL = Duration.ofMillis(Long.getLong("bench.poll-ms", 1000));
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final String CALL = "/api/enrollments/public/exams";
    /** A line of this run's own: no other gateway (an earlier run's, the stack's) takes turns on it. */
    private static final String PREFIX = "bench-" + ProcessHandle.current().pid() + ":{waiting-room}";
    private static final Pattern COOKIE = Pattern.compile("^(baokao_admission|baokao_ticket)=([^;]*)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final AtomicInteger visitors = new AtomicInteger();
    private volatile Phase phase;
    private volatile boolean newSessions = true;

    private WaitingRoomBenchmark(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) {
        try {
            System.exit(measure() ? 0 : 1);
        } catch (Exception | Error e) {
            // the gateway's threads would keep the JVM (and ./baokao bench) waiting forever
            e.printStackTrace();
            System.exit(2);
        }
    }

    /** The three phases; true when there was no 5xx and the line emptied. */
    private static boolean measure() throws Exception {
        requireTheStack();
        System.out.printf("== Waiting-room benchmark: capacity %d requests in flight to enrollment-service, sessions "
                + "of %d s of calls to %s back to back, status polled every %d ms%n", CAPACITY, SESSION.toSeconds(),
                CALL, POLL.toMillis());
        ConfigurableApplicationContext context = startGateway();
        ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
        redis.delete(redis.keys(PREFIX + ":*")).block();
        String gateway = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        System.out.println("gateway of the benchmark at " + gateway + " (the stack's services and Redis)");
        WaitingRoomBenchmark bench = new WaitingRoomBenchmark(gateway);
        QueueLength queue = new QueueLength(redis, PREFIX + ":waiting");

        Phase warmUp = bench.run("warm-up", CAPACITY, WARM_UP);
        System.out.println(warmUp.summary());
        Phase atCapacity = bench.run("at capacity (" + CAPACITY + " sessions)", CAPACITY, AT_CAPACITY);
        System.out.println(atCapacity.summary());

        queue.startSampling();
        List<Thread> crowd = bench.start("at 3x capacity (" + 3 * CAPACITY + " sessions)", 3 * CAPACITY);
        Thread.sleep(OVERLOAD);
        Phase overload = bench.phase;
        bench.newSessions = false;
        Phase falling = bench.begin("load falls (no new sessions)");
        overload.end();
        long waitingWhenFalling = queue.now();
        Optional<Duration> drained = queue.awaitEmpty(DRAIN_LIMIT);
        for (Thread visitor : crowd) {
            visitor.join();
        }
        falling.end();
        queue.stopSampling();
        System.out.println(overload.summary());
        System.out.println(falling.summary());
        System.out.println("queue length every second from the start of the 3x load: " + queue.samples());

        double reference = atCapacity.latencies().percentileMillis(99);
        double loaded = overload.latencies().percentileMillis(99);
        System.out.println();
        System.out.printf("RESULT at capacity: p99 %.1f ms over %d requests (%.0f/s) | the reference%n", reference,
                atCapacity.latencies().count(), atCapacity.latencies().count() / atCapacity.seconds());
        System.out.printf("RESULT at 3x capacity: 5xx %d (goal 0) | p99 of admitted requests %.1f ms over %d "
                + "(%.0f/s) | %d queued answers, %d of %d sessions waited | queue length max %d, mean %.1f%n",
                overload.serverErrors(), loaded, overload.latencies().count(),
                overload.latencies().count() / overload.seconds(), overload.queuedAnswers(),
                overload.waitedSessions(), overload.sessions(), queue.max(), queue.mean());
        System.out.printf("RESULT p99 at 3x / p99 at capacity = %.2f (goal <= 2)%n", loaded / reference);
        System.out.printf("RESULT load falls: %s (%d waiting when new sessions stopped); 5xx %d%n",
                drained.map(d -> "queue empty after %.1f s".formatted(d.toMillis() / 1000.0))
                        .orElse("queue NOT empty after " + DRAIN_LIMIT.toSeconds() + " s"),
                waitingWhenFalling, falling.serverErrors());
        redis.delete(redis.keys(PREFIX + ":*")).block();
        context.close();
        return overload.serverErrors() + falling.serverErrors() == 0 && drained.isPresent();
    }

    /** {@code sessions} visitors for {@code length}, then waits until each has finished its session. */
    private Phase run(String name, int sessions, Duration length) throws InterruptedException {
        newSessions = true;
        List<Thread> visitors = start(name, sessions);
        Thread.sleep(length);
        Phase ran = phase;
        newSessions = false;
        ran.end();
        for (Thread visitor : visitors) {
            visitor.join();
        }
        return ran;
    }

    private List<Thread> start(String name, int sessions) {
        begin(name);
        newSessions = true;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            threads.add(Thread.ofVirtual().start(this::visitAgainAndAgain));
        }
        return threads;
    }

    private Phase begin(String name) {
        Phase next = new Phase(name);
        phase = next;
        return next;
    }

    /** One simulated visitor after another at one seat of the crowd, until new sessions stop. */
    private void visitAgainAndAgain() {
        while (newSessions) {
            new Session(clientAddress()).run();
        }
    }

    /** Addresses from the benchmarking range (RFC 2544), one per visitor, as the load balancer would forward them. */
    private String clientAddress() {
        int n = visitors.getAndIncrement() % 60_000;
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A visitor: no cookie at first, then whatever the gateway gives (a pass or a ticket). */
    private final class Session {

        private final String address;
        private String pass;
        private String ticket;

        Session(String address) {
            this.address = address;
        }

        void run() {
            boolean waited = false;
            int calls = 0;
            long endsAt = Long.MAX_VALUE;
            while (System.nanoTime() < endsAt) {
                Phase now = phase;
                long began = System.nanoTime();
                HttpResponse<String> answer = send(CALL, now);
                if (answer == null) {
                    return;
                }
                long took = System.nanoTime() - began;
                if (answer.statusCode() == 429 && answer.body().contains("\"QUEUED\"")) {
                    now.queued();
                    waited = true;
                    if (!awaitTurn()) {
                        return;
                    }
                    continue;
                }
                if (answer.statusCode() == 200) {
                    now.admitted(took, 200);
                } else {
                    now.refused("request", answer.statusCode());
                }
                if (calls == 0) {
                    now.sessionStarted(waited);
                    endsAt = System.nanoTime() + SESSION.toNanos();
                }
                calls++;
            }
        }

        /** Polls the status as the waiting page does, until admitted. False if the status could not be read. */
        private boolean awaitTurn() {
            while (true) {
                sleep(POLL);
                Phase now = phase;
                HttpResponse<String> status = send("/waiting-room/status", now);
                if (status == null) {
                    return false;
                }
                now.polled(status.statusCode());
                if (status.statusCode() == 200 && status.body().contains("\"admitted\":true")) {
                    return true;
                }
            }
        }

        private HttpResponse<String> send(String path, Phase now) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("X-Forwarded-For", address);
            String cookies = cookieHeader();
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : answer.headers().allValues("Set-Cookie")) {
                    keep(set);
                }
                return answer;
            } catch (IOException e) {
                now.failed(path + " " + e.getClass().getSimpleName());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private void keep(String setCookie) {
            Matcher cookie = COOKIE.matcher(setCookie);
            if (!cookie.find()) {
                return;
            }
            String value = cookie.group(2).isEmpty() ? null : cookie.group(2);
            if (cookie.group(1).equals("baokao_admission")) {
                pass = value;
            } else {
                ticket = value;
            }
        }

        private String cookieHeader() {
            List<String> cookies = new ArrayList<>();
            if (pass != null) {
                cookies.add("baokao_admission=" + pass);
            }
            if (ticket != null) {
                cookies.add("baokao_ticket=" + ticket);
            }
            return String.join("; ", cookies);
        }
    }

    private static ConfigurableApplicationContext startGateway() {
        String redis = "redis://localhost:" + StackTable.portOf("redis");
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.profiles.active=local",
                "--spring.data.redis.url=" + redis,
                "--baokao.gateway.waiting-room.capacity.enrollment=" + CAPACITY,
                "--baokao.gateway.waiting-room.key-prefix=" + PREFIX,
                // a session calls back to back from its own address, thousands of calls a minute: the per-address
                // limit (600) would answer most with 429 RATE_LIMITED, and the service would never be full
                "--baokao.gateway.rate-limits.address.requests=1000000",
                "--logging.level.root=WARN",
                "--logging.level.org.baokao=INFO");
    }

    private static void requireTheStack() {
        try {
            HttpProbe.at(StackTable.urlOf("enrollment-service")).get("/actuator/health");
        } catch (RuntimeException e) {
            throw new IllegalStateException("the benchmark needs the running stack: ./baokao up", e);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", StackTable.portOf("redis")), 1000);
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark needs the stack's Redis (./baokao up starts it)", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
