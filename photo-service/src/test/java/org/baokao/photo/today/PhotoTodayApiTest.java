package org.baokao.photo.today;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * OPS-3 今日概况 at photo-service: identity checks pending and manual reviews waiting for the bureau, a university's
 * for its reviewer, none for a city operator; a check or review without a bureau (a roster bureau's candidate)
 * counts for the default bureau; another bureau's operator 404, an operator without a console role 403.
 */
@ServiceTest
class PhotoTodayApiTest {

    private static final TestIssuer ISSUER = TestServers.issuer();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsPendingChecksAndWaitingReviewsOfTheBureauAndTheUniversity_OPS3() {
        String bureau = newBureau();
        UUID fudan = candidate(bureau, "10246");
        UUID shutcm = candidate(bureau, "10268");
        check(fudan, "PENDING");
        check(shutcm, "PENDING");
        check(candidate(bureau, "10246"), "MATCHED");
        review(fudan, "OPEN", bureau, "10246");
        review(shutcm, "COLLECTING", bureau, "10268");
        review(candidate(bureau, "10268"), "APPROVED", bureau, "10268");

        JsonNode admin = figures(ISSUER.operatorToken("admin", bureau, Map.of(), "bureau-admin"), bureau);
        assertThat(admin.path("identityChecksPending").asLong()).isEqualTo(2);
        assertThat(admin.path("reviewsWaiting").asLong()).isEqualTo(1);

        JsonNode reviewer = figures(ISSUER.operatorToken("reviewer", bureau, Map.of("university", "10268"),
                "university-reviewer"), bureau);
        assertThat(reviewer.path("identityChecksPending").asLong()).isEqualTo(1);
        assertThat(reviewer.path("reviewsWaiting").asLong()).isZero();

        assertThat(figures(ISSUER.operatorToken("city", bureau, Map.of("city", "3101"), "city-operator"), bureau)
                .isEmpty()).isTrue();
    }

    @Test
    void aRosterBureausCandidateWithoutABureauCountsForTheDefaultBureau_OPS3() {
        String auditor = ISSUER.operatorToken("auditor-sd", "sd", Map.of(), "auditor");
        JsonNode before = figures(auditor, "sd");
        UUID candidate = UUID.randomUUID(); // no approval: a roster bureau's candidate
        check(candidate, "PENDING");
        review(candidate, "OPEN", null, null);
        JsonNode after = figures(auditor, "sd");
        assertThat(after.path("identityChecksPending").asLong())
                .isEqualTo(before.path("identityChecksPending").asLong() + 1);
        assertThat(after.path("reviewsWaiting").asLong()).isEqualTo(before.path("reviewsWaiting").asLong() + 1);
    }

    @Test
    void anotherBureauIs404AndAnOperatorWithoutADeskRole403_OPS3() {
        assertThat(get(ISSUER.operatorToken("admin-sd", "sd", Map.of(), "bureau-admin"), "sh").status())
                .isEqualTo(404);
        assertThat(get(ISSUER.operatorToken("nobody", "sh", Map.of()), "sh").status()).isEqualTo(403);
    }

    private static String newBureau() {
        StringBuilder code = new StringBuilder("t");
        for (int i = 0; i < 6; i++) {
            code.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private UUID candidate(String bureau, String university) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into approval (candidate_id, bureau, university_code, major_code, id_type, special_major, status,
                    registered_at, changed_at)
                values (:id, :bureau, :university, 'B020101', 'RESIDENT_ID', false, 'CHECKING', now(), now())""")
                .param("id", id).param("bureau", bureau).param("university", university).update();
        return id;
    }

    private UUID photo(UUID candidate) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into photo (id, candidate_id, object_key, content_type, byte_size, status)
                values (:id, :candidate, :key, 'image/jpeg', 100, 'SUBMITTED')""")
                .param("id", id).param("candidate", candidate).param("key", "photos/" + id).update();
        return id;
    }

    private void check(UUID candidate, String status) {
        jdbc.sql("""
                insert into identity_check (id, candidate_id, photo_id, status, attempt, created_at)
                values (:id, :candidate, :photo, :status, 1, now())""")
                .param("id", UUID.randomUUID()).param("candidate", candidate).param("photo", photo(candidate))
                .param("status", status).update();
    }

    private void review(UUID candidate, String status, String bureau, String university) {
        jdbc.sql("""
                insert into manual_review (id, candidate_id, photo_id, status, requested_reason, requested_at, bureau,
                    university_code)
                values (:id, :candidate, :photo, :status, 'TOO_MANY_FAILURES', now(), :bureau, :university)""")
                .param("id", UUID.randomUUID()).param("candidate", candidate)
                .param("photo", status.equals("COLLECTING") ? null : photo(candidate)).param("status", status)
                .param("bureau", bureau).param("university", university).update();
    }

    private JsonNode figures(String token, String bureau) {
        HttpProbe.Answer answer = get(token, bureau);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("bureau");
    }

    private HttpProbe.Answer get(String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/photos/operations/today").header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }
}
