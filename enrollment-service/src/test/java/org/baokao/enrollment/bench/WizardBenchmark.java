package org.baokao.enrollment.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CandidateJourney.Tokens;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.Crowd.Outcome;
import org.baokao.testkit.Crowd;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.LocalStack;

/**
 * What does a wizard step cost next to what the database can do? Prints, in one run on this machine:
 * <ul>
 * <li>wizard-step saves/s, p50 and p99 through the gateway of the running stack ({@code ./baokao up}) at a steady
 * load: {@code bench.users} logged-in candidates, each saving step 3 (个人信息) and step 4 (考试地点和科目组) in
 * turn with the version it read, each waiting for its answer before the next save. Every save changes the
 * enrollment (the email or the exam location alternates), so each is a real write with its outbox event.</li>
 * <li>PostgreSQL's own {@code pgbench -b simple-update} TPS against the stack's PostgreSQL server with as many
 * clients, measured right after in the same run (a scratch database, dropped afterwards).</li>
 * </ul>
 * The candidates are put on the demo roster, registered and logged in through the gateway first; their photo
 * step is played as photo-service's events on the stack's Kafka (PhotoAccepted, IdentityVerified).
 * Run: {@code ./baokao up && ./baokao bench wizard}. Options: {@code -Dbench.users=32 -Dbench.seconds=60
 * -Dbench.pgbench=/usr/lib/postgresql/15/bin/pgbench}.
 */
public final class WizardBenchmark {

    private static final int USERS = Integer.getInteger("bench.users", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    private static final Duration PHONE_COOLDOWN = Duration.ofSeconds(61);
    private static final String PASSWORD = "Bench@2026x";
    private static final String EXAM = LocalStack.DEMO_EXAM;
    private static final HttpProbe GATEWAY = HttpProbe.at(LocalStack.GATEWAY);
    private static final KafkaEvents EVENTS = KafkaEvents.ofLocalStack();

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("== Wizard benchmark: %d cores, %d concurrent candidates, %d s warm-up, %d s measured%n",
                cores, USERS, WARM_UP.toSeconds(), MEASURE.toSeconds());

        List<Saver> savers = candidatesAtStepThree();
        SteadyLoad wizard = SteadyLoad.of(savers, WARM_UP, MEASURE);
        System.out.printf("wizard-step saves: %d in %d s = %.1f/s, p50 %.1f ms, p99 %.1f ms, failed %d %s%n",
                wizard.latencies().count(), MEASURE.toSeconds(), wizard.perSecond(),
                wizard.latencies().percentileMillis(50), wizard.latencies().percentileMillis(99), wizard.failed(),
                wizard.failures());

        StackPgbench.Result pgbench = StackPgbench.simpleUpdate(USERS, cores, MEASURE);
        System.out.printf("pgbench simple-update: %.1f TPS, latency average %.1f ms (%d clients, %d s, scale 10)%n",
                pgbench.tps(), pgbench.latencyAverageMillis(), USERS, MEASURE.toSeconds());
        System.out.println();
        System.out.printf("RESULT wizard-step saves/s %.1f (p99 %.1f ms) | pgbench simple-update TPS %.1f | "
                + "saves/TPS %.0f%%%n", wizard.perSecond(), wizard.latencies().percentileMillis(99), pgbench.tps(),
                100 * wizard.perSecond() / pgbench.tps());
        System.exit(0);
    }

    /** Fresh rostered candidates, registered and logged in, their pledge given and photo verified. */
    private static List<Saver> candidatesAtStepThree() throws InterruptedException {
        List<Candidate> candidates = LocalStack.newCandidates(USERS, PASSWORD);
        LocalStack.putOnRoster(EXAM, candidates, LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        Map<Candidate, String> addresses = LocalStack.clientAddresses(candidates);
        Outcome<Candidate> registered = Crowd.each(candidates, USERS,
                candidate -> journey.from(addresses.get(candidate)).register(candidate));
        System.out.println("registrations: " + registered.summary());
        System.out.printf("waiting %d s for the phones' SMS cooldown (ACC-6)%n", PHONE_COOLDOWN.toSeconds());
        Thread.sleep(PHONE_COOLDOWN);
        Map<Candidate, Tokens> tokens = new ConcurrentHashMap<>();
        Outcome<Candidate> loggedIn = Crowd.each(List.copyOf(registered.ok()), USERS,
                candidate -> tokens.put(candidate, journey.from(addresses.get(candidate)).login(candidate)));
        System.out.println("logins: " + loggedIn.summary());
        List<Saver> savers = java.util.Collections.synchronizedList(new ArrayList<>());
        Outcome<Tokens> ready = Crowd.each(List.copyOf(tokens.values()), USERS, token -> savers.add(Saver.ready(token)));
        System.out.println("pledge, photo and first saves: " + ready.summary());
        if (savers.isEmpty()) {
            throw new IllegalStateException("no candidate reached step 3: nothing to measure");
        }
        return savers;
    }

    /** One candidate's browser tab on steps 3 and 4, keeping the version each answer returns. */
    private static final class Saver implements SteadyLoad.Saver {

        private final EnrollmentClient wizard;
        private final UUID enrollmentId;
        private int version;
        private long saves;

        private Saver(EnrollmentClient wizard, UUID enrollmentId, int version) {
            this.wizard = wizard;
            this.enrollmentId = enrollmentId;
            this.version = version;
        }

        /** Pledge, the photo step played as photo-service, then steps 3 and 4 once each. */
        static Saver ready(Tokens tokens) {
            EnrollmentClient wizard = new EnrollmentClient(GATEWAY, tokens.accessToken());
            Answer started = until(() -> {
                Answer answer = wizard.start(EXAM, "{\"accepted\": true}");
                return answer.status() == 409 && answer.problemCode().equals("PROFILE_NOT_READY") ? null : answer;
            });
            expect(started, 201);
            UUID enrollmentId = UUID.fromString(started.json().path("id").asString());
            UUID candidateId = tokens.candidateId();
            UUID photoId = UUID.randomUUID();
            EVENTS.publish(new PhotoAccepted(photoId, candidateId, Instant.now()));
            EVENTS.publish(new IdentityVerified(UUID.randomUUID(), candidateId, photoId, Instant.now()));
            Answer photoDone = until(() -> {
                Answer view = wizard.get(enrollmentId);
                return view.json().path("identityStatus").asString().equals("PASSED") ? view : null;
            });
            Saver saver = new Saver(wizard, enrollmentId, photoDone.json().path("version").asInt());
            for (int step = 0; step < 2; step++) {
                String failure = saver.saveNext();
                if (failure != null) {
                    throw new IllegalStateException("the first saves failed: " + failure);
                }
            }
            return saver;
        }

        /** Saves step 3 or step 4 (in turn), each time with a changed value; null when saved, else the reason. */
        @Override
        public String saveNext() {
            long n = saves++;
            boolean firstValue = n / 2 % 2 == 0;
            Answer answer = n % 2 == 0
                    ? wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo(
                            firstValue ? "kaosheng@example.com" : "kaosheng@example.cn"), version)
                    : wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"" + (firstValue ? "3701" : "3702")
                            + "\", \"subjectGroup\": \"MED-TECH\"}", version);
            if (answer.status() == 200) {
                version = answer.json().path("version").asInt();
                return null;
            }
            version = wizard.get(enrollmentId).json().path("version").asInt();
            return answer.contentType().contains("json") ? answer.problemCode() + "/" + answer.status()
                    : "HTTP " + answer.status();
        }
    }

    private static void expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    private static Answer until(java.util.function.Supplier<Answer> probe) {
        return Eventually.value(probe);
    }
}
