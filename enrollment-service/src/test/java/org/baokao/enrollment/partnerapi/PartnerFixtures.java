package org.baokao.enrollment.partnerapi;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.Masking;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.baokao.testkit.Gb11643TestNumbers;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the partner API tests need, written straight into the tables account-service's events and the wizard fill:
 * a roster candidate (ID number hashed with the service's look-up key as account-service hashes it, the name sealed
 * as the roster projection seals it) and their enrollments; the demo partners' tokens; calls of the partner API.
 */
final class PartnerFixtures {

    static final TestIssuer ISSUER = TestServers.issuer();
    /** partner-demo (江苏省教育考试院, bureau sd in the directory): every scope. */
    static final String DEMO = ISSUER.partnerToken("partner-demo", "sd", 600, "partner-verify",
            "partner-enrollments", "partner-admission", "partner-webhooks");
    /** partner-zj (浙江省教育考试院, bureau sd): verify only. */
    static final String ZJ = ISSUER.partnerToken("partner-zj", "sd", 30, "partner-verify");
    /** A client with role partner that the directory does not list. */
    static final String STRANGER = ISSUER.partnerToken("partner-unlisted", "sd", 60, "partner-verify",
            "partner-enrollments", "partner-admission");

    private final JdbcClient jdbc;
    private final LookupHasher hasher;
    private final PersonalDataProtector sealer;

    PartnerFixtures(JdbcClient jdbc, LookupHasher hasher, PersonalDataProtector sealer) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.sealer = sealer;
    }

    /** A candidate as the roster projection holds one. */
    record Candidate(UUID id, String idNumber, String name) {
    }

    /** A fresh resident ID number (valid check digit) nobody else in the test database has. */
    static String freshIdNumber() {
        String seq = String.format("%03d", (int) (Math.random() * 1000));
        String day = String.format("%02d", 1 + (int) (Math.random() * 28));
        String region = "3701" + String.format("%02d", (int) (Math.random() * 100));
        String year = Integer.toString(1990 + (int) (Math.random() * 15));
        return Gb11643TestNumbers.residentId(region, year + "03" + day, seq);
    }

    /** A roster candidate of {@code examCode} who registered an account. */
    Candidate candidate(String examCode, String name) {
        return candidate(examCode, freshIdNumber(), name);
    }

    Candidate candidate(String examCode, String idNumber, String name) {
        UUID rosterEntry = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        Sealed sealed = sealer.seal(name);
        String hash = hasher.hash(idNumber);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into roster_entry (roster_entry_id, exam_code, id_type, id_number_hash, id_number_masked,
                    name_key_id, name_sealed, candidate_type, college_code, college_name, major_code, major_name,
                    source_occurred_at, updated_at)
                values (?, ?, 'RESIDENT_ID', ?, ?, ?, ?, 'SCHOOL_RECOMMENDED', '10454', '山东医学高等专科学校',
                    '620403', '医学影像技术', ?, ?)""")
                .params(rosterEntry, examCode, hash, Masking.idNumber(idNumber), sealed.keyId(), sealed.data(), now,
                        now)
                .update();
        jdbc.sql("""
                insert into candidate (candidate_id, roster_entry_id, exam_code, id_type, id_number_hash,
                    id_number_masked, registered_at, created_at, phone_masked)
                values (?, ?, ?, 'RESIDENT_ID', ?, ?, ?, ?, '131****8780')""")
                .params(candidate, rosterEntry, examCode, hash, Masking.idNumber(idNumber), now, now)
                .update();
        return new Candidate(candidate, idNumber, name);
    }

    /**
     * An enrollment of the candidate, registered at {@code registeredAt}: EXAM_CHOICE_SAVED and later at 济南市 with
     * group MED of 620403 医学影像技术; CONFIRMED and COMPLETED ones confirmed with 230 元.
     */
    UUID enrollment(UUID examId, String examCode, UUID candidate, String status, Instant registeredAt) {
        UUID id = enrollmentUnderWatermark(examId, examCode, candidate, status, registeredAt);
        awaitBelowWatermark(id);
        return id;
    }

    /** Inserts and commits without waiting to be listable: for a test that holds an older transaction open. */
    UUID enrollmentUnderWatermark(UUID examId, String examCode, UUID candidate, String status, Instant registeredAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql(insertEnrollment()).params(enrollmentParams(id, examId, examCode, candidate, status, registeredAt))
                .update();
        return id;
    }

    /**
     * Pages end below the oldest transaction still running (PartnerEnrollmentPages): in the tests' shared database,
     * other tests' and the service's own background transactions may still run, so a row is listed only once they
     * have ended. Waits for that, so a test asserting on the next page sees the row it just inserted.
     */
    void awaitBelowWatermark(UUID enrollmentId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!Boolean.TRUE.equals(jdbc.sql("""
                select e.inserted_xid < pg_snapshot_xmin(pg_current_snapshot()) from enrollment e where e.id = ?""")
                .param(enrollmentId).query(Boolean.class).single())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("enrollment " + enrollmentId + " stayed above the watermark for 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String insertEnrollment() {
        return """
                insert into enrollment (id, exam_id, exam_code, candidate_id, track, status, version, pledge_version,
                    pledge_accepted_at, identity_status, exam_location_code, sits_exam, junior_major_code,
                    subject_group_code, confirmed_at, fee_total_fen, completed_at, created_at, updated_at)
                values (?, ?, ?, ?, 'UNIFIED', ?, 1, 1, ?, 'PASSED', ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    }

    static Object[] enrollmentParams(UUID id, UUID examId, String examCode, UUID candidate, String status,
            Instant registeredAt) {
        boolean chosen = !status.equals("PLEDGE_ACCEPTED") && !status.equals("PHOTO_DONE")
                && !status.equals("PERSONAL_INFO_SAVED");
        boolean confirmed = status.equals("CONFIRMED") || status.equals("COMPLETED");
        Timestamp at = Timestamp.from(registeredAt);
        return new Object[] { id, examId, examCode, candidate, status, at, chosen ? "3701" : null,
                chosen ? Boolean.TRUE : null, chosen ? "620403" : null, chosen ? "MED" : null,
                confirmed ? at : null, confirmed ? 23000L : null, status.equals("COMPLETED") ? at : null, at, at };
    }

    static HttpProbe.Answer post(HttpProbe http, String path, String token, String json) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    static String body(String idType, String idNumber, String name) {
        return """
                {"idType": %s, "idNumber": %s, "name": %s}""".formatted(quoted(idType), quoted(idNumber),
                quoted(name));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** A candidate's call of their own API at bureau {@code bureau}'s address (BUR-1). */
    static HttpProbe.Answer candidateCall(HttpProbe http, String method, String path, String bureau,
            String token) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).method(method, HttpRequest.BodyPublishers.noBody()));
    }
}
