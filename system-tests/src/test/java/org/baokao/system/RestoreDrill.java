package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.LocalStack;
import org.baokao.testkit.SyntheticPortraits;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 23 §4, the restore drill: the last stage of {@code ./baokao test} ({@code ./baokao test restore} alone). A
 * candidate walks to a paid, completed enrollment with a photo and a canary row goes into every database of the stack;
 * {@code ./baokao backup}; the stack is stopped (a restore now is refused) and its data moved aside; a fresh stack's
 * infrastructure starts on empty folders (a restore of a malformed archive is refused); {@code ./baokao restore} puts
 * the archive into it and {@code ./baokao up} starts the applications.
 * Then the candidate logs in (account database, the sandbox's SMS inbox), sees the enrollment completed and paid
 * (enrollment and payment databases), downloads the very same photo (photo database and the object store), and every
 * database's canary is back: a restore that lost a database or the photos fails here. Not a {@code *SystemTest}: the
 * system-test stage must not stop the stack under the other tests.
 */
class RestoreDrill {

    /** Every database of the stack's PostgreSQL (infra/stack PostgresServer.DATABASES). */
    private static final List<String> DATABASES = List.of("account", "enrollment", "photo", "payment", "notification",
            "sandbox");
    private static final Path STATE = Stack.home().resolve(".baokao");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aFreshStackRestoredFromTheBackupGivesTheCandidateTheirPaidEnrollmentAndPhoto() throws Exception {
        Properties expected = aCandidatePaysWithAPhoto();

        Stack.baokao("backup");
        Path archive = newest(STATE.resolve("backups"));
        Stack.baokao("down");
        refused(archive, "the stack is not up");
        Path before = STATE.resolve("restore-drill/data-" + System.currentTimeMillis());
        Files.createDirectories(before.getParent());
        Files.move(STATE.resolve("data"), before);
        Stack.baokao("up", "infra"); // a fresh stack: empty databases, no objects, no topics
        Path garbage = before.resolveSibling("garbage.tar.gz");
        Files.write(garbage, new byte[] {31, -117, 8, 0, 1, 2, 3, 4});
        refused(garbage, "is not a readable .tar.gz archive: nothing was changed");
        Files.delete(garbage);
        Stack.baokao("restore", archive.toString());
        Stack.baokao("up");

        theCandidateFindsEverythingBack(expected);
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            assertThat(PostgresDurabilitySystemTest.setting(setting)).as(setting).isEqualTo("on");
        }

        // passed: the data moved aside twice (before the drill, and the fresh stack's) and the archive can go
        deleteTree(before);
        try (var asides = Files.list(STATE)) {
            for (Path aside : asides.filter(p -> p.getFileName().toString().startsWith("before-restore-")).toList()) {
                deleteTree(aside);
            }
        }
        Files.delete(archive);
    }

    private static Properties aCandidatePaysWithAPhoto() throws Exception {
        Candidate candidate = LocalStack.newCandidates(1, "Restore@2026").getFirst();
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, List.of(candidate), LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        journey.register(candidate);
        String token = journey.login(candidate).accessToken();
        EnrollmentClient wizard = new EnrollmentClient(Stack.GATEWAY, token);

        int pledge = Stack.GATEWAY.get("/api/enrollments/public/exams/" + LocalStack.DEMO_EXAM + "/pledge").json()
                .path("version").asInt();
        Answer started = Eventually.value("the roster projection to know the candidate", PATIENCE, () -> {
            Answer answer = wizard.start(LocalStack.DEMO_EXAM, "{\"accepted\": true, \"pledgeVersion\": " + pledge + "}");
            return answer.status() == 201 ? answer : null;
        });
        UUID enrollmentId = UUID.fromString(started.json().path("id").asString());

        Answer uploaded = Stack.uploadPhoto("/api/photos", token, SyntheticPortraits.portraitJpeg(1224, 11));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        UUID photoId = UUID.fromString(uploaded.json().path("id").asString());
        Answer submitted = Stack.GATEWAY.send(Stack.GATEWAY.request("/api/photos/" + photoId + "/submit")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode photoDone = Eventually.value("the identity check to pass", PATIENCE, () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return view.path("identityStatus").asString().equals("PASSED") ? view : null;
        });

        Answer info = wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo("huanyuan@example.com"),
                photoDone.path("version").asInt());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        Answer choice = wizard.putExamChoice(enrollmentId, "{\"examLocation\": \"3701\", \"subjectGroup\": "
                + "\"MED-TECH\"}", info.json().path("version").asInt());
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        Answer confirmed = wizard.confirm(enrollmentId, choice.json().path("version").asInt());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        JsonNode order = Eventually.value("payment-service to open the order", PATIENCE, () -> {
            JsonNode orders = Stack.GATEWAY.get("/api/payments/orders?enrollmentId=" + enrollmentId, token).json();
            return orders.isArray() && !orders.isEmpty() ? orders.get(0) : null;
        });
        String orderId = order.path("id").asString();
        Answer paying = Stack.GATEWAY.send(Stack.GATEWAY.request("/api/payments/orders/" + orderId + "/pay")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "restore-drill")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(paying.status()).as(paying.body()).isEqualTo(200);
        HttpResponse<String> pressed = HTTP.send(HttpRequest.newBuilder(URI.create(paying.json().path("payUrl")
                .asString())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pressed.statusCode()).as("the sandbox bank sends the candidate back").isEqualTo(303);
        JsonNode completed = Eventually.value("the enrollment to complete", PATIENCE, () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return view.path("status").asString().equals("COMPLETED") ? view : null;
        });
        assertThat(completed.path("fees").path("paymentStatus").asString()).isEqualTo("PAID");

        String canary = UUID.randomUUID().toString();
        for (String database : DATABASES) {
            try (Connection c = connect(database); Statement s = c.createStatement()) {
                s.execute("create schema if not exists restore_drill");
                s.execute("create table if not exists restore_drill.canary (token text not null)");
                try (PreparedStatement insert = c.prepareStatement("insert into restore_drill.canary values (?)")) {
                    insert.setString(1, canary);
                    insert.executeUpdate();
                }
            }
        }

        Properties state = new Properties();
        state.setProperty("idNumber", candidate.idNumber());
        state.setProperty("phone", candidate.phone());
        state.setProperty("password", candidate.password());
        state.setProperty("enrollmentId", enrollmentId.toString());
        state.setProperty("orderId", orderId);
        state.setProperty("photoId", photoId.toString());
        state.setProperty("photoSha256", sha256(photo(token, photoId)));
        state.setProperty("canary", canary);
        return state;
    }

    private static void theCandidateFindsEverythingBack(Properties state) throws Exception {
        // every database came back from the archive, not from the fresh stack's empty ones
        List<String> lost = new ArrayList<>();
        for (String database : DATABASES) {
            if (!canaryCameBack(database, state.getProperty("canary"))) {
                lost.add(database);
            }
        }
        assertThat(lost).as("databases whose data the restore did not bring back").isEmpty();

        Candidate candidate = new Candidate(state.getProperty("idNumber"), state.getProperty("phone"),
                state.getProperty("password"));
        String token = Eventually.value("the restored candidate to log in", PATIENCE, () -> {
            try {
                return CandidateJourney.onLocalStack().login(candidate).accessToken();
            } catch (CandidateJourney.StepFailed notYet) {
                return null;
            }
        });
        UUID enrollmentId = UUID.fromString(state.getProperty("enrollmentId"));
        JsonNode enrollment = new EnrollmentClient(Stack.GATEWAY, token).get(enrollmentId).json();
        assertThat(enrollment.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(enrollment.path("fees").path("paymentStatus").asString()).isEqualTo("PAID");
        JsonNode orders = Stack.GATEWAY.get("/api/payments/orders?enrollmentId=" + enrollmentId, token).json();
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("id").asString()).isEqualTo(state.getProperty("orderId"));
        assertThat(orders.get(0).path("status").asString()).isEqualTo("PAID");
        assertThat(sha256(photo(token, UUID.fromString(state.getProperty("photoId")))))
                .as("the photo, byte for byte").isEqualTo(state.getProperty("photoSha256"));

        for (String database : DATABASES) {
            try (Connection c = connect(database); Statement s = c.createStatement()) {
                s.execute("drop schema restore_drill cascade");
            }
        }
    }

    /** {@code ./baokao restore ARCHIVE} must exit non-zero and say why. */
    private static void refused(Path archive, String reason) throws IOException, InterruptedException {
        Process restore = new ProcessBuilder(Stack.home().resolve("baokao").toString(), "restore", archive.toString())
                .directory(Stack.home().toFile()).redirectErrorStream(true).start();
        String output = new String(restore.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(restore.waitFor()).as(output).isNotZero();
        assertThat(output).contains(reason);
    }

    private static Path newest(Path backups) throws IOException {
        try (var archives = Files.list(backups)) {
            return archives.filter(p -> p.getFileName().toString().matches("baokao-\\d{8}-\\d{6}\\.tar\\.gz"))
                    .max(java.util.Comparator.comparing(Path::getFileName)).orElseThrow(
                            () -> new AssertionError("./baokao backup wrote no archive in " + backups));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean canaryCameBack(String database, String canary) {
        try (Connection c = connect(database);
                PreparedStatement select = c.prepareStatement("select 1 from restore_drill.canary where token = ?")) {
            select.setString(1, canary);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException missing) {
            return false; // no such database or no such table: a fresh one
        }
    }

    /** The candidate's photo as photo-service serves it from the object store. */
    private static byte[] photo(String token, UUID photoId) throws IOException, InterruptedException {
        HttpResponse<byte[]> image = HTTP.send(Stack.GATEWAY.request("/api/photos/" + photoId + "/image")
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).as("GET /api/photos/%s/image", photoId).isEqualTo(200);
        assertThat(image.body()).hasSizeGreaterThan(1000);
        return image.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(Stack.jdbcUrl(database), "baokao", "baokao");
    }
}
