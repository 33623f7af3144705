package org.baokao.account.today;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
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
 * OPS-3 今日概况 at account-service: registered accounts and phone changes waiting per exam asked for, the bureau's
 * for the bureau-wide roles, a university's for its reviewer, none for a city operator; another bureau's operator
 * 404, an operator without a console role 403.
 */
@ServiceTest
class AccountTodayApiTest {

    private static final TestIssuer ISSUER = TestServers.issuer();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** Rows other tests of this JVM read (the phone-change queue opens the new phone): sealed for real. */
    @Autowired
    PersonalDataProtector protector;

    @Test
    void countsRegisteredAccountsAndPhoneChangesWaitingPerExamWithinTheScope_OPS3() {
        String exam = "SH-TODAY-" + UUID.randomUUID().toString().substring(0, 8);
        UUID fudan = account("sh", exam, "10246");
        account("sh", exam, "10268");
        UUID other = account("sh", exam, null);
        account("sh", exam + "-OTHER", null);
        account("sd", exam, null); // same code, another bureau: not Shanghai's
        phoneChange(fudan, "PENDING");
        phoneChange(other, "PENDING");
        phoneChange(account("sh", exam, null), "APPROVED");

        String path = "/api/accounts/operations/today?exam=" + exam + "&exam=NOT-AN-EXAM";
        JsonNode admin = figures(get(path, ISSUER.operatorToken("admin-sh", "sh", Map.of(), "bureau-admin"), "sh"),
                exam);
        assertThat(admin.path("registered").asLong()).isEqualTo(4);
        assertThat(admin.path("phoneChangesWaiting").asLong()).isEqualTo(2);

        JsonNode reviewer = figures(get(path, ISSUER.operatorToken("reviewer-fudan", "sh",
                Map.of("university", "10246"), "university-reviewer"), "sh"), exam);
        assertThat(reviewer.path("registered").asLong()).isEqualTo(1);
        assertThat(reviewer.path("phoneChangesWaiting").asLong()).isEqualTo(1);

        JsonNode city = figures(get(path, ISSUER.operatorToken("city-pd", "sh", Map.of("city", "3101"),
                "city-operator"), "sh"), exam);
        assertThat(city.isEmpty()).as("a city operator gets no account figure").isTrue();
    }

    @Test
    void anotherBureauIs404AndAnOperatorWithoutADeskRole403_OPS3() {
        String path = "/api/accounts/operations/today?exam=X";
        assertThat(get(path, ISSUER.operatorToken("admin-sd", "sd", Map.of(), "bureau-admin"), "sh").status())
                .isEqualTo(404);
        assertThat(get(path, ISSUER.operatorToken("nobody", "sh", Map.of()), "sh").status()).isEqualTo(403);
        assertThat(get(path, ISSUER.candidateTokenOf("sh", UUID.randomUUID().toString()), "sh").status())
                .isEqualTo(403);
    }

    private UUID account(String bureau, String exam, String university) {
        UUID id = UUID.randomUUID();
        Sealed idNumber = protector.seal("110101199003071234");
        String hash = (id.toString().replace("-", "") + id.toString().replace("-", "")).substring(0, 64);
        jdbc.sql("""
                insert into candidate_account (id, exam_code, id_type, id_number_hash, id_number_sealed, sealed_with,
                    password_hash, consented_at, bureau_code, university_code)
                values (:id, :exam, 'RESIDENT_ID', :hash, :sealed, :key, 'x', :now, :bureau, :university)""")
                .param("id", id).param("exam", exam).param("hash", hash).param("now", Timestamp.from(Instant.now()))
                .param("sealed", idNumber.data()).param("key", idNumber.keyId())
                .param("bureau", bureau).param("university", university).update();
        if (university != null) {
            jdbc.sql("""
                    insert into account_university (account_id, university_code, major_code, created_at)
                    values (:id, :university, 'B020101', now())""").param("id", id).param("university", university)
                    .update();
        }
        return id;
    }

    private void phoneChange(UUID candidate, String status) {
        Sealed phone = protector.seal("13800138000");
        jdbc.sql("""
                insert into phone_change_request (id, candidate_id, new_phone_hash, new_phone_sealed, sealed_with,
                    id_front_key, id_front_type, id_back_key, id_back_type, holding_id_key, holding_id_type, status,
                    created_at)
                values (:id, :candidate, :hash, :sealed, :key, 'f', 'image/jpeg', 'b', 'image/jpeg', 'h',
                    'image/jpeg', :status, now())""")
                .param("sealed", phone.data()).param("key", phone.keyId())
                .param("id", UUID.randomUUID()).param("candidate", candidate)
                .param("hash", "p".repeat(64)).param("status", status).update();
    }

    private static JsonNode figures(HttpProbe.Answer answer, String exam) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode row : answer.json().path("exams")) {
            if (row.path("exam").asString().equals(exam)) {
                return row.path("figures");
            }
        }
        throw new AssertionError(exam + " not answered: " + answer.body());
    }

    private HttpProbe.Answer get(String path, String token, String bureau) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(path).header("Authorization", "Bearer " + token)
                .header(BureauAddress.HEADER, bureau).GET());
    }
}
