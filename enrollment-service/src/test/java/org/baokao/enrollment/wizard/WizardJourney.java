package org.baokao.enrollment.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamDrafts;
import org.baokao.events.DomainEvent;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.TestIssuer;
import org.baokao.testkit.TestServers;

import tools.jackson.databind.JsonNode;

/**
 * A candidate walking the wizard over HTTP against the service under test, with the other services' parts
 * played through real Kafka: account-service's roster and registration events, photo-service's photo events
 * and payment-service's payments, each written with the libs/events codec as those services publish them.
 * Public where the printed 报名信息表's test (confirmation) walks it too.
 */
public final class WizardJourney {

    static final String BASE = EnrollmentClient.BASE;

    private static final KafkaEvents EVENTS = KafkaEvents.ofTestServers();

    final HttpProbe http;
    final TestIssuer issuer = TestServers.issuer();
    final String examCode;
    public final UUID candidateId;
    final UUID rosterEntryId;
    public final String token;
    final EnrollmentClient client;
    public UUID enrollmentId;
    UUID photoId;

    public WizardJourney(HttpProbe http, String examCode) {
        this(http, examCode, UUID.randomUUID(), UUID.randomUUID());
    }

    private WizardJourney(HttpProbe http, String examCode, UUID candidateId, UUID rosterEntryId) {
        this.http = http;
        this.examCode = examCode;
        this.candidateId = candidateId;
        this.rosterEntryId = rosterEntryId;
        this.token = issuer.token(candidateId.toString(), "candidate");
        this.client = new EnrollmentClient(http, token);
    }

    /** The same candidate in another browser tab: for their second enrollment (the other track). */
    WizardJourney sameCandidate() {
        WizardJourney tab = new WizardJourney(http, examCode, candidateId, rosterEntryId);
        tab.photoId = photoId;
        return tab;
    }

    /** Creates an exam through the operator API: the test catalogue, its locations 3701/3702/3717. */
    public static void createExam(HttpProbe http, ExamDraft draft) {
        Answer answer = ExamDrafts.post(http, TestServers.issuer().token("op-1", "operator", "bureau-admin"), ExamDrafts.json(draft));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    static void updateExam(HttpProbe http, ExamDraft draft) {
        Answer answer = ExamDrafts.put(http, TestServers.issuer().token("op-1", "operator", "bureau-admin"), draft.code(),
                ExamDrafts.json(draft));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** account-service's events for this candidate: a roster entry of {@code candidateType}, and the account. */
    public WizardJourney registered(String candidateType, String majorCode, String majorName) {
        publish(new RosterEntryImported(rosterEntryId, examCode, "RESIDENT_ID", hash(), "37**************12", "张伟",
                candidateType, "10454", "山东医学高等专科学校", majorCode, majorName));
        publish(new CandidateRegistered(candidateId, rosterEntryId, examCode, "RESIDENT_ID", hash(),
                "37**************12", Instant.now(), "138****5678", "MALE", java.time.LocalDate.of(2002, 3, 4)));
        return this;
    }

    private String hash() {
        return (rosterEntryId.toString() + rosterEntryId).replace("-", "");
    }

    /** Step 1. */
    Answer start(String body) {
        return client.start(examCode, body);
    }

    Answer start(String track, Integer pledgeVersion) {
        return start("{\"accepted\": true" + (pledgeVersion == null ? "" : ", \"pledgeVersion\": " + pledgeVersion)
                + (track == null ? "" : ", \"track\": \"" + track + "\"") + "}");
    }

    /** Starts the unified track (waiting for the roster events to arrive) and remembers the enrollment. */
    public JsonNode started() {
        Answer answer = await(() -> {
            Answer a = start(null, null);
            return a.status() == 409 && "PROFILE_NOT_READY".equals(a.problemCode()) ? null : a;
        });
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        enrollmentId = UUID.fromString(answer.json().path("id").asString());
        return answer.json();
    }

    /** photo-service accepted a photo of this candidate. */
    void photoAccepted() {
        photoId = UUID.randomUUID();
        publish(new PhotoAccepted(photoId, candidateId, Instant.now()));
    }

    void identityVerified() {
        publish(new IdentityVerified(UUID.randomUUID(), candidateId, photoId, Instant.now()));
    }

    JsonNode get() {
        Answer answer = client.get(enrollmentId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The enrollment, once {@code until} holds for it (events arrive asynchronously). */
    public JsonNode awaitState(Predicate<JsonNode> until) {
        return await(() -> {
            JsonNode view = get();
            return until.test(view) ? view : null;
        });
    }

    int version() {
        return get().path("version").asInt();
    }

    Answer putPersonalInfo(String json, Integer version) {
        return client.putPersonalInfo(enrollmentId, json, version);
    }

    Answer putExamChoice(String json, Integer version) {
        return client.putExamChoice(enrollmentId, json, version);
    }

    public Answer confirm(Integer version) {
        return client.confirm(enrollmentId, version);
    }

    Answer patch(String json, Integer version) {
        return client.patch(enrollmentId, json, version);
    }

    Answer preview() {
        return client.preview(enrollmentId);
    }

    static String personalInfo() {
        return EnrollmentClient.personalInfo("zhangwei@example.com");
    }

    /** Walks through steps 2 to 4 with a verified photo: ready to confirm. */
    public JsonNode readyToConfirm(String examChoiceJson) {
        photoAccepted();
        identityVerified();
        awaitState(view -> view.path("identityStatus").asString().equals("PASSED"));
        Answer info = putPersonalInfo(personalInfo(), version());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        Answer choice = putExamChoice(examChoiceJson, info.json().path("version").asInt());
        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        return choice.json();
    }

    Answer send(HttpRequest.Builder request) {
        return http.send(request);
    }

    /** Publishes {@code event} to its topic as its producing service would. */
    public static UUID publish(DomainEvent event) {
        return EVENTS.publish(event);
    }

    static void publish(UUID eventId, DomainEvent event) {
        EVENTS.publish(eventId, event, Instant.now(), event.aggregateId());
    }

    /** The events of one type that match, as a consumer service would see them (see the test kit). */
    static <T extends DomainEvent> List<T> published(Class<T> type, Predicate<T> match, int expected) {
        return EVENTS.matching(type, match, expected);
    }

    static <T> T await(Supplier<T> probe) {
        return Eventually.value(probe);
    }
}
