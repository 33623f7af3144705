package org.baokao.photo.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.baokao.web.bureau.BureauAddress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OPS-3 考生查询: a candidate's photo state for the Candidates desk: no city operators (this service cannot tell the
 * exam city: 403), a university reviewer only for their university's candidate, another bureau's nothing (404).
 */
@ServiceTest(s3 = true)
class CandidatePhotoApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOpenRegistrationCandidatesApprovalIsReadWithinItsBureauAndUniversity() {
        UUID candidate = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into approval (candidate_id, bureau, university_code, major_code, id_type, special_major, status,
                    cause, failed_comparisons, decision_reason, registered_at, changed_at)
                values (?, 'sh', '10246', 'C050201', 'PASSPORT', false, 'REJECTED', 'NON_RESIDENT_ID', 0, '照片不清晰',
                    ?, ?)""").params(candidate, now, now).update();

        Answer reviewer = get("sh", candidate, token("sh", "university-reviewer", Map.of("university", "10246")));
        assertThat(reviewer.status()).as(reviewer.body()).isEqualTo(200);
        assertThat(reviewer.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(reviewer.json().path("cause").asString()).isEqualTo("NON_RESIDENT_ID");
        assertThat(reviewer.json().path("rejectionReason").asString()).isEqualTo("照片不清晰");
        assertThat(get("sh", candidate, token("sh", "bureau-admin", Map.of())).status()).isEqualTo(200);
        assertThat(get("sh", candidate, token("sh", "auditor", Map.of())).status()).isEqualTo(200);

        Answer otherUniversity = get("sh", candidate, token("sh", "university-reviewer", Map.of("university", "10268")));
        assertThat(otherUniversity.status()).isEqualTo(404);
        assertThat(otherUniversity.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(get("sd", candidate, token("sd", "bureau-admin", Map.of())).status())
                .as("another bureau's candidate").isEqualTo(404);
        assertThat(get("sh", candidate, token("sd", "bureau-admin", Map.of())).status())
                .as("another bureau's operator at Shanghai's address").isEqualTo(404);
        for (String role : new String[] { "city-operator", "finance" }) {
            Answer refused = get("sh", candidate, token("sh", role, Map.of("city", "3101")));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        }
    }

    @Test
    void aRosterBureausCandidateIsReadByBureauWideRolesOnly() {
        UUID candidate = UUID.randomUUID();
        Answer admin = get("sd", candidate, token("sd", "bureau-admin", Map.of()));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().path("photoId").isNull()).isTrue();
        assertThat(get("sd", candidate, token("sd", "university-reviewer", Map.of("university", "10246"))).status())
                .isEqualTo(404);
        assertThat(HttpProbe.onLocalPort(port).send(HttpProbe.onLocalPort(port)
                .request("/api/photos/operations/candidates/" + candidate + "/photo/image")
                .header(BureauAddress.HEADER, "sd")
                .header("Authorization", "Bearer " + token("sd", "bureau-admin", Map.of())).GET()).status())
                .as("no photo confirmed yet").isEqualTo(404);
    }

    private static String token(String bureau, String role, Map<String, Object> attributes) {
        return TestServers.issuer().operatorToken(role + "-" + UUID.randomUUID(), bureau, attributes, role);
    }

    private Answer get(String bureau, UUID candidateId, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request("/api/photos/operations/candidates/" + candidateId + "/photo")
                .header(BureauAddress.HEADER, bureau).header("Authorization", "Bearer " + token).GET());
    }
}
