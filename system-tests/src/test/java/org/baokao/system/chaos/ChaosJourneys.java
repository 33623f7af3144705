package org.baokao.system.chaos;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.LocalStack;
import org.baokao.testkit.PhotoForm;
import org.baokao.testkit.SyntheticPortraits;

import tools.jackson.databind.JsonNode;

/**
 * The load of a chaos run: Shandong candidates walking the whole journey through the gateway (register, login,
 * pledge, photo and identity check, personal information, exam choice, confirmation, payment at the sandbox bank,
 * completion), a few at a time, while parts of the platform are killed. A step that meets a fault is tried again
 * after a pause, as a person would press again; every answer is counted, and every 5xx that is not a breaker's 503
 * (problem-details naming the service, by design) is kept with its request. Public for the one complete journey of
 * {@code observability.DashboardQueriesSystemTest}.
 */
public final class ChaosJourneys {

    private static final String EXAM = LocalStack.DEMO_EXAM;
    private static final String PASSWORD = "Chaos@2026x";
    /** How long a person keeps trying one step through a fault before giving up on the journey. */
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The portrait the enrollment journey uses (some seeds draw a second face, which the check refuses). */
    private static final byte[] PORTRAIT = SyntheticPortraits.portraitJpeg(1224, 11);

    private final String gatewayUrl;
    private final HttpProbe gateway;
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder breakerAnswers = new LongAdder();
    private final LongAdder unreachable = new LongAdder();
    private final ConcurrentLinkedQueue<String> unexpected5xx = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> abandoned = new ConcurrentLinkedQueue<>();
    private final Set<Candidate> completed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger paymentsPressed = new AtomicInteger();

    /** Through the local stack's gateway. */
    public ChaosJourneys() {
        this(LocalStack.GATEWAY);
    }

    /** Through the gateway at {@code gatewayUrl} (e.g. a second instance's). */
    ChaosJourneys(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
        this.gateway = HttpProbe.at(gatewayUrl);
    }

    /** What a run did, for the report and the checks. */
    public record Outcome(int started, Set<Candidate> completed, Map<Integer, Long> statuses, long breakerAnswers,
            long unreachable, List<String> unexpected5xx, List<String> abandoned) {

        long fiveHundreds() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }
    }

    /**
     * {@code workers} candidates at a time, each walking journeys back to back until {@code duration} has passed
     * (a journey started before then is finished).
     */
    public Outcome run(int workers, Duration duration) throws InterruptedException {
        // the roster first, in one operator import: more candidates than the run can take (one journey takes ~20 s
        // at best), so that journeys measure the candidates' path, not roster imports
        ConcurrentLinkedQueue<Candidate> rostered = new ConcurrentLinkedQueue<>(
                LocalStack.newCandidates((int) (workers * (duration.toSeconds() / 15 + 2)), PASSWORD));
        LocalStack.putOnRoster(EXAM, List.copyOf(rostered), LocalStack.operatorToken());
        Instant end = Instant.now().plus(duration);
        CandidateJourney accounts = CandidateJourney.through(gatewayUrl);
        AtomicInteger addressSeq = new AtomicInteger();
        try (ExecutorService crowd = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                crowd.submit(() -> {
                    Candidate candidate;
                    while (Instant.now().isBefore(end) && (candidate = rostered.poll()) != null) {
                        int n = addressSeq.incrementAndGet();
                        String address = "198.19." + (n / 250) + "." + (n % 250 + 1);
                        started.incrementAndGet();
                        try {
                            journey(candidate, accounts.from(address), address);
                            completed.add(candidate);
                        } catch (RuntimeException e) {
                            abandoned.add(candidate.phone() + ": " + e.getMessage());
                        }
                    }
                });
            }
        }
        Map<Integer, Long> counted = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Outcome(started.get(), Set.copyOf(completed), counted, breakerAnswers.sum(), unreachable.sum(),
                List.copyOf(unexpected5xx), List.copyOf(abandoned));
    }

    /** How many candidates have pressed 确认支付 at the bank so far (a fault's cue). */
    int paymentsPressed() {
        return paymentsPressed.get();
    }

    private void journey(Candidate candidate, CandidateJourney accounts, String address) {
        persist("the registration", () -> {
            accounts.register(candidate);
            return true;
        });
        String token = persist("the login", () -> accounts.login(candidate).accessToken());
        EnrollmentClient wizard = new EnrollmentClient(counting(address), token);
        Answer started = step("the pledge", () -> wizard.start(EXAM, "{\"accepted\": true}"),
                answer -> answer.status() == 201 || answer.status() == 200);
        UUID enrollmentId = UUID.fromString(started.json().path("id").asString());

        Answer uploaded = step("the photo upload", () -> upload(address, token), answer -> answer.status() == 201);
        String photoId = uploaded.json().path("id").asString();
        step("the photo's confirmation", () -> send(address, gatewayRequest("/api/photos/" + photoId + "/submit", token)
                .POST(HttpRequest.BodyPublishers.noBody())), answer -> answer.status() == 200);
        JsonNode view = until("the identity check", () -> wizard.get(enrollmentId),
                v -> v.path("identityStatus").asString().equals("PASSED"));

        step("personal information", () -> wizard.putPersonalInfo(enrollmentId,
                EnrollmentClient.personalInfo("chaos@example.com"), version(wizard, enrollmentId)),
                answer -> answer.status() == 200);
        step("the exam choice", () -> wizard.putExamChoice(enrollmentId,
                "{\"examLocation\": \"3701\", \"subjectGroup\": \"MED-TECH\"}", version(wizard, enrollmentId)),
                answer -> answer.status() == 200);
        step("the confirmation", () -> wizard.confirm(enrollmentId, version(wizard, enrollmentId)),
                answer -> answer.status() == 200);

        JsonNode order = until("the fee order", () -> gatewayGet(address, "/api/payments/orders?enrollmentId="
                + enrollmentId, token), orders -> orders.isArray() && !orders.isEmpty()).get(0);
        String orderId = order.path("id").asString();
        String idempotencyKey = UUID.randomUUID().toString();
        Answer paying = step("缴费", () -> send(address, gatewayRequest("/api/payments/orders/" + orderId + "/pay", token)
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.noBody())),
                answer -> answer.status() == 200);
        String payUrl = paying.json().path("payUrl").asString();
        persist("确认支付 at the bank", () -> {
            int status = pressPay(payUrl);
            if (status != 303) {
                throw new IllegalStateException("the bank answered " + status);
            }
            paymentsPressed.incrementAndGet();
            return true;
        });
        until("the completed enrollment", () -> wizard.get(enrollmentId),
                v -> v.path("status").asString().equals("COMPLETED"));
    }

    /** 确认支付 on the sandbox bank's page: 303 back to the platform when paid. */
    private static int pressPay(String payUrl) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int version(EnrollmentClient wizard, UUID enrollmentId) {
        return until("the enrollment", () -> wizard.get(enrollmentId), v -> true).path("version").asInt();
    }

    /** Repeats a call until its answer is accepted (a fault in between answers otherwise), within the patience. */
    private Answer step(String what, Supplier<Answer> call, Predicate<Answer> accepted) {
        return persist(what, () -> {
            Answer answer = call.get();
            if (!accepted.test(answer)) {
                throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.problemCode());
            }
            return answer;
        });
    }

    /** Polls a read until its JSON satisfies {@code done}. */
    private JsonNode until(String what, Supplier<Answer> read, Predicate<JsonNode> done) {
        return persist(what, () -> {
            Answer answer = read.get();
            if (answer.status() != 200 || !done.test(answer.json())) {
                throw new IllegalStateException(what + " not there yet (HTTP " + answer.status() + ")");
            }
            return answer.json();
        });
    }

    private <T> T persist(String what, Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return attempt.get();
            } catch (CandidateJourney.StepFailed e) {
                count(e.status(), "POST " + what, e.getMessage());
                last = e;
            } catch (UncheckedIOException e) {
                unreachable.increment(); // the gateway itself down: connection refused or reset
                last = e;
            } catch (RuntimeException e) {
                last = e;
            }
            pause(Duration.ofMillis(1500));
        }
        throw new IllegalStateException(what + " gave up after " + PATIENCE.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()));
    }

    /** The gateway as the wizard client sees it, every answer counted. */
    private HttpProbe counting(String address) {
        return gateway.as(address, (request, answer) -> count(answer.status(),
                request.method() + " " + request.uri().getPath(), answer.body()));
    }

    private void count(int status, String request, String body) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 503 && body != null && body.contains("\"service\"")) {
            breakerAnswers.increment();
        } else if (status >= 500) {
            unexpected5xx.add(status + " " + request + " " + (body == null ? "" : body.substring(0, Math.min(200,
                    body.length()))));
        }
    }

    private Answer send(String address, HttpRequest.Builder request) {
        return counting(address).send(request);
    }

    private Answer gatewayGet(String address, String path, String token) {
        return send(address, gatewayRequest(path, token).GET());
    }

    private HttpRequest.Builder gatewayRequest(String path, String token) {
        return gateway.request(path).header("Authorization", "Bearer " + token);
    }

    private Answer upload(String address, String token) {
        return send(address, PhotoForm.post(gatewayRequest("/api/photos", token), PORTRAIT));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> firstOf(List<String> lines, int n) {
        return new ArrayList<>(lines.subList(0, Math.min(n, lines.size())));
    }
}
