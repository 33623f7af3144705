package org.baokao.enrollment.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.EVENTS;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.READINESS;
import static org.baokao.enrollment.selfstudy.SelfStudyApi.UNIVERSITIES;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * SST-7 over HTTP against real PostgreSQL and Kafka: an approved new candidate's 准考证号 — generated once, whichever
 * of approval and registration comes first, unique, shown on the universities held, published for account-service.
 */
@ServiceTest
class AdmissionNumberApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    SelfStudyApi api;
    UUID candidate = UUID.randomUUID();
    String token;

    @BeforeEach
    void aBureauOfItsOwn() {
        api = new SelfStudyApi(port);
        token = api.tokenOf(candidate);
    }

    @Test
    @DisplayName("SST-7: APPROVED → 26 + 10246 + sequence on every university held, AdmissionNumberAssigned once; "
            + "a repeated approval changes nothing")
    void generatedOnceOnApproval() {
        api.registered(candidate, "10246", "B020101");
        assertThat(api.send(token, "POST", UNIVERSITIES, "{\"universityCode\": \"10268\", \"majorCode\": \"B100701\"}")
                .status()).isEqualTo(201);
        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "CHECKING", null, Instant.now()));

        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "APPROVED", null, Instant.now()));
        String number = numberShown();

        assertThat(number).matches("26" + "10246" + "\\d{5}");
        JsonNode held = api.get(token, UNIVERSITIES).json().path("registrations");
        assertThat(held.valueStream().map(r -> r.path("admissionNumber").asString()))
                .as("one number at every university held").containsExactly(number, number);
        // approved again (a new event, after a review round): still the same number
        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "APPROVED", null, Instant.now()));
        List<AdmissionNumberAssigned> published = EVENTS.matching(AdmissionNumberAssigned.class,
                event -> event.candidateId().equals(candidate), 1);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.admissionNumber()).isEqualTo(number);
            assertThat(event.bureau()).isEqualTo(api.bureau);
            assertThat(event.universityCode()).isEqualTo("10246");
        });
        assertThat(jdbc.sql("select count(*) from admission_number where candidate_id = ?").param(candidate)
                .query(Long.class).single()).isEqualTo(1);
        // a university added later carries it too
        assertThat(api.send(token, "POST", UNIVERSITIES, "{\"universityCode\": \"10246\", \"majorCode\": \"B030101\"}")
                .problemCode()).isEqualTo("UNIVERSITY_ALREADY_HELD");
    }

    @Test
    @DisplayName("SST-7: an approval that arrives before the registration gives the number when the registration comes")
    void approvalBeforeRegistration() {
        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10269", "APPROVED", null, Instant.now()));
        Eventually.value("the approval kept", () -> jdbc.sql(
                "select approval_status from self_study_candidate where candidate_id = ?").param(candidate)
                .query(String.class).optional().orElse(null));

        api.registered(candidate, "10246", "B020101");

        assertThat(numberShown()).matches("2610246\\d{5}");
    }

    @Test
    @DisplayName("SST-7: numbers of one university and year are unique and follow each other")
    void numbersFollowEachOther() {
        UUID second = UUID.randomUUID();
        api.registered(candidate, "10268", "B100701");
        api.registered(second, "10268", "B100701");

        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10268", "APPROVED", null, Instant.now()));
        String first = numberShown();
        EVENTS.publish(new ApprovalChanged(second, api.bureau, "10268", "APPROVED", null, Instant.now()));
        token = api.tokenOf(second);
        String next = numberShown();

        assertThat(first).startsWith("2610268");
        assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(first));
        assertThat(next).startsWith("2610268");
    }

    @Test
    @DisplayName("SST-7, ACC-9: an imported 在籍考生 keeps the number of the import and never gets another")
    void importedCandidatesKeepTheirs() {
        api.imported(candidate, "010124100011");
        EVENTS.publish(new ApprovalChanged(candidate, api.bureau, "10246", "APPROVED", null, Instant.now()));

        assertThat(EVENTS.matching(AdmissionNumberAssigned.class, e -> e.candidateId().equals(candidate), 0)).isEmpty();
        assertThat(api.get(token, READINESS).json().path("admissionNumber").asString()).isEqualTo("010124100011");
    }

    private String numberShown() {
        return Eventually.value("the 准考证号", () -> {
            JsonNode registrations = api.get(token, UNIVERSITIES).json().path("registrations");
            JsonNode first = registrations.isEmpty() ? null : registrations.get(0).path("admissionNumber");
            return first == null || first.isNull() ? null : first.asString();
        });
    }
}
