package org.baokao.account.phonechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baokao.account.account.Accounts;
import org.baokao.account.support.ClientCalls;
import org.baokao.account.support.DemoBureaus;
import org.baokao.account.support.TestAccounts;
import org.baokao.events.notification.SmsRequested;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * OPS-3 the phone-change review desk (ACC-8, SST-3): roles, scope (bureau; a 主考学校审核员 only the candidates of their
 * university), the queue's paging, claim-and-decide and its audit, with persons' operator tokens bound to their
 * bureau. The requests are seeded in the database (how a candidate files one is PhoneChangeApiTest's).
 */
@ServiceTest(s3 = true)
class PhoneChangeDeskApiTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    static final String PATH = "/api/accounts/operations/phone-change-requests";
    static final String FUDAN = DemoBureaus.SH_UNIVERSITY;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataProtector protector;
    @Autowired
    LookupHasher hasher;

    @Test
    void ops3_ofTwoOperatorsClaimingTheSameRequestAtOnceExactlyOneWins() throws Exception {
        String reviewer = operator("reviewer-a", "sh", FUDAN, "university-reviewer");
        String admin = operator("admin-b", "sh", null, "bureau-admin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String requestId = seed(DemoBureaus.SH, FUDAN).toString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpProbe.Answer>> answers = new ArrayList<>();
                for (String token : List.of(reviewer, admin)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return claim("sh", requestId, token);
                    }));
                }
                start.countDown();
                List<HttpProbe.Answer> both = List.of(answers.get(0).get(), answers.get(1).get());

                assertThat(both).extracting(HttpProbe.Answer::status).as(both.toString())
                        .containsExactlyInAnyOrder(200, 409);
                HttpProbe.Answer lost = both.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
                HttpProbe.Answer won = both.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
                assertThat(lost.problemCode()).isEqualTo("PHONE_CHANGE_CLAIMED");
                assertThat(lost.json().path("detail").asString())
                        .startsWith("该申请已由" + won.json().path("claim").path("holder").asString() + "领取");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ops3_onlyTheHolderDecidesOnceAndTheDecisionIsAuditedAndTexted() {
        String requestId = seed(DemoBureaus.SH, FUDAN).toString();
        String reviewer = operator("reviewer-fudan", "sh", FUDAN, "university-reviewer");
        String admin = operator("admin-sh", "sh", null, "bureau-admin");

        var unclaimed = post("sh", PATH + "/" + requestId + "/approve", "", reviewer);
        assertThat(unclaimed.status()).isEqualTo(409);
        assertThat(unclaimed.problemCode()).isEqualTo("PHONE_CHANGE_CLAIM_REQUIRED");

        var claimed = claim("sh", requestId, reviewer);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(claimed.json().path("claim").path("mine").asBoolean()).isTrue();
        var taken = claim("sh", requestId, admin);
        assertThat(taken.problemCode()).isEqualTo("PHONE_CHANGE_CLAIMED");
        assertThat(taken.json().path("detail").asString()).contains("reviewer-fudan");
        assertThat(post("sh", PATH + "/" + requestId + "/approve", "", admin).problemCode())
                .isEqualTo("PHONE_CHANGE_CLAIMED");
        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + requestId, admin).json().path("claim").path("mine")
                .asBoolean()).isFalse();

        var approved = post("sh", PATH + "/" + requestId + "/approve", "", reviewer);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("statusText").asString()).isEqualTo("已通过");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo("reviewer-fudan");
        assertThat(approved.json().path("claim").isNull()).isTrue();
        assertThat(claim("sh", requestId, reviewer).problemCode()).isEqualTo("PHONE_CHANGE_DECIDED");
        assertThat(post("sh", PATH + "/" + requestId + "/reject", "{\"reason\":\"不清晰\"}", reviewer)
                .problemCode()).isEqualTo("PHONE_CHANGE_DECIDED");

        assertThat(audited(requestId, "phone-change.claim")).hasSize(1);
        assertThat(audited(requestId, "phone-change.decide")).singleElement().satisfies(envelope -> assertThat(envelope)
                .contains("\"operatorUsername\":\"reviewer-fudan\"").contains("\"result\":\"APPROVED\"")
                .contains("\"bureau\":\"sh\""));
        // the SMS request leaves through Kafka (its outbox row is deleted once sent: it carries a phone in clear)
        UUID candidate = jdbc.sql("select candidate_id from phone_change_request where id = ?::uuid").param(requestId)
                .query(UUID.class).single();
        assertThat(EVENTS.matching(SmsRequested.class,
                e -> candidate.equals(e.candidateId()) && e.template().equals("PHONE_CHANGED"), 1)).hasSize(1);
    }

    @Test
    void ops3_aReleasedOrLapsedClaimLetsAnotherOperatorTakeTheRequest() {
        String requestId = seed(DemoBureaus.SH, FUDAN).toString();
        String reviewer = operator("reviewer-fudan", "sh", FUDAN, "university-reviewer");
        String admin = operator("admin-sh", "sh", null, "bureau-admin");

        assertThat(claim("sh", requestId, admin).status()).isEqualTo(200);
        assertThat(release("sh", requestId, reviewer).problemCode()).isEqualTo("PHONE_CHANGE_NOT_CLAIMED");
        var released = release("sh", requestId, admin);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().path("claim").isNull()).isTrue();
        assertThat(audited(requestId, "phone-change.release")).hasSize(1);
        assertThat(claim("sh", requestId, reviewer).status()).isEqualTo(200);
        jdbc.sql("update phone_change_request set claimed_until = ? where id = ?::uuid")
                .params(Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), requestId).update();
        assertThat(post("sh", PATH + "/" + requestId + "/reject", "{\"reason\":\"照片不清晰\"}", reviewer)
                .problemCode()).as("a lapsed claim decides nothing").isEqualTo("PHONE_CHANGE_CLAIM_REQUIRED");
        assertThat(claim("sh", requestId, admin).status()).isEqualTo(200);
        var rejected = post("sh", PATH + "/" + requestId + "/reject", "{\"reason\":\"照片不清晰\"}", admin);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(audited(requestId, "phone-change.decide")).singleElement()
                .satisfies(envelope -> assertThat(envelope).contains("照片不清晰").contains("\"result\":\"REJECTED\""));
    }

    @Test
    void ops3_rolesOutsideTheDeskAre403AndAnAuditorOnlyReads() {
        String requestId = seed(DemoBureaus.SH, FUDAN).toString();
        String auditor = operator("auditor-sh", "sh", null, "auditor");

        for (String outsider : List.of(operator("finance-sh", "sh", null, "finance"),
                operator("city-sh", "sh", null, "city-operator"))) {
            var list = ClientCalls.getAt("sh", port, PATH, outsider);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
            assertThat(ClientCalls.getAt("sh", port, PATH + "/" + requestId + "/proofs/ID_CARD_FRONT", outsider)
                    .status()).isEqualTo(403);
            assertThat(claim("sh", requestId, outsider).status()).isEqualTo(403);
        }
        assertThat(ClientCalls.getAt("sh", port, PATH + "?status=PENDING&size=100", auditor).status()).isEqualTo(200);
        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + requestId, auditor).status()).isEqualTo(200);
        assertThat(claim("sh", requestId, auditor).problemCode()).isEqualTo("OPERATOR_ROLE_REQUIRED");
        assertThat(post("sh", PATH + "/" + requestId + "/approve", "", auditor).status()).isEqualTo(403);
        assertThat(statusOf(requestId)).isEqualTo("PENDING");
        assertThat(audited(requestId, "phone-change.claim")).isEmpty();
    }

    @Test
    void ops3_aReviewerSeesOnlyTheirUniversitysCandidatesAndAnotherBureauNothing() {
        String fudansOwn = seed(DemoBureaus.SH, FUDAN).toString();
        String imported = seed(DemoBureaus.SH, null).toString();
        jdbc.sql("""
                insert into account_university (account_id, university_code, major_code, created_at)
                select candidate_id, ?, 'C050201', now() from phone_change_request where id = ?::uuid""")
                .params(FUDAN, imported).update();
        String elsewhere = seed(DemoBureaus.SH, "10268").toString();
        String shandongs = seed(DemoBureaus.SD, null).toString();
        String fudan = operator("reviewer-fudan", "sh", FUDAN, "university-reviewer");
        String noUniversity = operator("reviewer-none", "sh", null, "university-reviewer");
        String shandong = operator("operator", "sd", null, "bureau-admin");
        String shanghai = operator("admin-sh", "sh", null, "bureau-admin");

        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + fudansOwn, fudan).status()).isEqualTo(200);
        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + imported, fudan).status())
                .as("an imported 在籍考生 of the university").isEqualTo(200);
        for (String outsider : List.of(fudan, noUniversity)) {
            var other = ClientCalls.getAt("sh", port, PATH + "/" + elsewhere, outsider);
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.problemCode()).isEqualTo("PHONE_CHANGE_NOT_FOUND");
            assertThat(ClientCalls.getAt("sh", port, PATH + "/" + elsewhere + "/proofs/ID_CARD_FRONT", outsider)
                    .status()).isEqualTo(404);
            assertThat(claim("sh", elsewhere, outsider).status()).isEqualTo(404);
            assertThat(post("sh", PATH + "/" + elsewhere + "/approve", "", outsider).status()).isEqualTo(404);
        }
        String fudansQueue = ClientCalls.getAt("sh", port, PATH + "?status=PENDING&size=100", fudan).body();
        assertThat(fudansQueue).doesNotContain(elsewhere).doesNotContain(shandongs);
        assertThat(ClientCalls.getAt("sh", port, PATH + "?size=100", noUniversity).json().path("total").asLong())
                .isZero();

        // another bureau's operator at their own address: Shanghai's request is not there; Shandong's is
        assertThat(ClientCalls.getAt("sd", port, PATH + "/" + fudansOwn, shandong).status()).isEqualTo(404);
        assertThat(claim("sd", fudansOwn, shandong).status()).isEqualTo(404);
        assertThat(ClientCalls.getAt("sd", port, PATH + "/" + shandongs, shandong).status()).isEqualTo(200);
        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + shandongs, shanghai).status()).isEqualTo(404);
        // a Shandong token at Shanghai's address is refused before any endpoint
        assertThat(ClientCalls.getAt("sh", port, PATH + "/" + fudansOwn, shandong).status()).isEqualTo(404);
        assertThat(statusOf(elsewhere)).isEqualTo("PENDING");
        assertThat(audited(elsewhere, "phone-change.claim")).isEmpty();
    }

    @Test
    void ops3_theQueuePagesAndRefusesBadFilters() {
        String admin = operator("admin-sh", "sh", null, "bureau-admin");
        seed(DemoBureaus.SH, FUDAN);
        seed(DemoBureaus.SH, FUDAN);

        var page = ClientCalls.getAt("sh", port, PATH + "?status=PENDING&size=1&page=0", admin).json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("maskedNewPhone").asString()).contains("****");
        assertThat(ClientCalls.getAt("sh", port, PATH + "?from=2000-01-01&to=2000-01-02", admin).json().path("total")
                .asLong()).isZero();
        assertThat(ClientCalls.getAt("sh", port, PATH + "?status=WAITING", admin).problemCode())
                .isEqualTo("PHONE_CHANGE_STATUS_INVALID");
        assertThat(ClientCalls.getAt("sh", port, PATH + "?size=0", admin).problemCode()).isEqualTo("PAGE_INVALID");
        assertThat(ClientCalls.getAt("sh", port, PATH + "?from=x", admin).problemCode()).isEqualTo("DATE_INVALID");
    }

    private static String operator(String name, String bureau, String university, String... roles) {
        return TestServers.issuer().operatorToken(name, bureau,
                university == null ? Map.of() : Map.of("university", university), roles);
    }

    private HttpProbe.Answer claim(String bureau, String requestId, String token) {
        return post(bureau, PATH + "/" + requestId + "/claim", "", token);
    }

    private HttpProbe.Answer release(String bureau, String requestId, String token) {
        HttpProbe http = HttpProbe.onLocalPort(port);
        return http.send(http.request(PATH + "/" + requestId + "/claim").header("Authorization", "Bearer " + token)
                .header("Baokao-Bureau", bureau).DELETE());
    }

    private HttpProbe.Answer post(String bureau, String path, String json, String token) {
        return ClientCalls.postTo(bureau, port, path, json, token);
    }

    private String statusOf(String requestId) {
        return jdbc.sql("select status from phone_change_request where id = ?::uuid").param(requestId)
                .query(String.class).single();
    }

    private List<String> audited(String requestId, String action) {
        return jdbc.sql("""
                select envelope from messaging.outbox where topic = 'operator.actions'
                and envelope like ? and envelope like ?""")
                .params("%\"subjectId\":\"" + requestId + "\"%", "%\"action\":\"" + action + "\"%")
                .query(String.class).list();
    }

    /** A PENDING request of a new account of {@code bureau} (open registration's {@code university}, or none). */
    private UUID seed(String bureau, String university) {
        var account = TestAccounts.create(accounts, encoder, bureau, TestAccounts.randomIdNumber(), false);
        if (university != null) {
            jdbc.sql("update candidate_account set university_code = ? where id = ?").params(university, account.id())
                    .update();
        }
        String newPhone = TestAccounts.randomPhone();
        Sealed sealed = protector.seal(newPhone);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into phone_change_request (id, candidate_id, new_phone_hash, new_phone_sealed, sealed_with,
                    id_front_key, id_front_type, id_back_key, id_back_type, holding_id_key, holding_id_type,
                    status, created_at)
                values (?, ?, ?, ?, ?, ?, 'image/jpeg', ?, 'image/jpeg', ?, 'image/jpeg', 'PENDING', ?)""")
                .params(id, account.id(), hasher.hash(newPhone), sealed.data(), sealed.keyId(), "phone-change/t/" + id
                        + "a", "phone-change/t/" + id + "b", "phone-change/t/" + id + "c", Timestamp.from(Instant.now()))
                .update();
        return id;
    }
}
