package org.baokao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.baokao.events.EventCodec.MalformedEventException;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.enrollment.ExamConfigured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/** The sample JSON beside each contract is the wire format: both directions are checked. */
class EventSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<DomainEvent> samples() {
        return SampleEvents.all().stream();
    }

    @Test
    void everyRegisteredEventHasASampleInstanceAndFile() {
        assertThat(SampleEvents.all()).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream()
                        .map(EventCatalog.Descriptor::javaType).toList());
        for (EventCatalog.Descriptor descriptor : EventCatalog.all()) {
            assertThat(EventCatalog.class.getResource(descriptor.sampleResource())).as(descriptor.type()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serializingTheEventGivesTheSample(DomainEvent event) throws IOException {
        String written = EventCodec.write(SampleEvents.envelopeOf(event));

        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(sample(event)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSampleDeserializesToTheEvent(DomainEvent event) throws IOException {
        EventEnvelope envelope = EventCodec.read(sample(event));

        // payload trees differ in number node types (int vs long); the typed payload is compared below
        assertThat(envelope).usingRecursiveComparison().ignoringFields("payload")
                .isEqualTo(SampleEvents.envelopeOf(event));
        assertThat(EventCodec.payload(envelope)).isEqualTo(event);
        assertThat(envelope.aggregateId()).isEqualTo(event.aggregateId());
    }

    @Test
    void unknownFieldsInEnvelopeAndPayloadAreIgnored() {
        String json = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"PasswordChanged","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "traceId":"abc","payload":{"candidateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "reason":"RESET","changedAt":"2023-03-10T02:30:00Z","channel":"web"}}""";

        DomainEvent event = EventCodec.payload(EventCodec.read(json));

        assertThat(event).isEqualTo(new PasswordChanged(SampleEvents.CANDIDATE, "RESET", SampleEvents.AT));
    }

    /** Issue 24, correlation and causation ids: an envelope written before them reads, and starts its own chain. */
    @Test
    void anEnvelopeFromBeforeCorrelationIdsReadsAsTheStartOfItsOwnChain() {
        String json = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"PasswordChanged","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "payload":{"candidateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "reason":"RESET","changedAt":"2023-03-10T02:30:00Z"}}""";

        EventEnvelope envelope = EventCodec.read(json);

        assertThat(envelope.correlationId()).isNull();
        assertThat(envelope.causationId()).isNull();
        assertThat(envelope.chain()).isEqualTo(java.util.UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    }

    /** Issue 24: an event published while handling another joins its chain and names it as its cause, on the wire. */
    @Test
    void anEventCausedByAnotherCarriesTheChainAndTheCause() {
        java.util.UUID first = java.util.UUID.randomUUID();
        java.util.UUID second = java.util.UUID.randomUUID();
        java.util.UUID third = java.util.UUID.randomUUID();
        EventEnvelope start = EventCodec.envelope(new PasswordChanged(SampleEvents.CANDIDATE, "RESET", SampleEvents.AT),
                first, SampleEvents.AT);
        EventEnvelope caused = EventCodec.envelope(new PasswordChanged(SampleEvents.CANDIDATE, "RESET", SampleEvents.AT),
                second, SampleEvents.AT, start);
        EventEnvelope next = EventCodec.read(EventCodec.write(EventCodec.envelope(
                new PasswordChanged(SampleEvents.CANDIDATE, "RESET", SampleEvents.AT), third, SampleEvents.AT, caused)));

        assertThat(start.correlationId()).isEqualTo(first);
        assertThat(start.causationId()).isNull();
        assertThat(caused.correlationId()).isEqualTo(first);
        assertThat(caused.causationId()).isEqualTo(first);
        assertThat(next.correlationId()).as("the chain's first event, two hops on").isEqualTo(first);
        assertThat(next.causationId()).isEqualTo(second);
    }

    /** Adding a field is compatible: a CandidateRegistered written before phone, gender and birth date reads them as null. */
    @Test
    void anEventFromBeforeAddedFieldsReadsThemAsNull() {
        String json = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"CandidateRegistered","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "payload":{"candidateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01","rosterEntryId":null,
                 "examCode":"SD-ZSB-2023","idType":"RESIDENT_ID","idNumberHash":"ab","idNumberMasked":"37**12",
                 "registeredAt":"2023-03-10T02:30:00Z"}}""";

        var event = EventCodec.payload(EventCodec.read(json), CandidateRegistered.class);

        assertThat(event.idNumberMasked()).isEqualTo("37**12");
        assertThat(event.phoneMasked()).isNull();
        assertThat(event.gender()).isNull();
        assertThat(event.birthDate()).isNull();
    }

    /** SST-1, ENR-10: a CandidateRegistered written before the special-major flag is no special major. */
    @Test
    void aRegistrationFromBeforeTheSpecialMajorFlagIsNoSpecialMajor() {
        String json = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"CandidateRegistered","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "payload":{"candidateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01","rosterEntryId":null,
                 "examCode":"SH-ZK-2026-10","idType":"RESIDENT_ID","idNumberHash":"ab","idNumberMasked":"31**12",
                 "registeredAt":"2023-03-10T02:30:00Z","universityCode":"10268","majorCode":"B100801","bureau":"sh"}}""";

        var event = EventCodec.payload(EventCodec.read(json), CandidateRegistered.class);

        assertThat(event.specialMajor()).isFalse();
        assertThat(event.majorCode()).isEqualTo("B100801");
    }

    /** SST-1, ENR-10: a new candidate of a special major (中药学) says so on the wire, and reads back the same. */
    @Test
    void aSpecialMajorTravelsWithTheRegistration() {
        var registered = new CandidateRegistered(SampleEvents.CANDIDATE, null, "SH-ZK-2026-10",
                "HMT_RESIDENCE_PERMIT", SampleEvents.ID_HASH, "81**************12", SampleEvents.AT, "138****5678",
                "MALE", java.time.LocalDate.of(1999, 1, 2), "10268", "B100801", "sh", true);

        String written = EventCodec.write(SampleEvents.envelopeOf(registered));

        assertThat(written).contains("\"specialMajor\":true");
        assertThat(EventCodec.payload(EventCodec.read(written), CandidateRegistered.class)).isEqualTo(registered);
        assertThat(new CandidateRegistered(SampleEvents.CANDIDATE, null, "SH-ZK-2026-10", "RESIDENT_ID", "ab",
                "31**12", SampleEvents.AT, null, null, null, "10268", "B100801", "sh", null).specialMajor())
                .as("never null").isFalse();
    }

    /** ENR-10: a major of an ExamConfigured written before the special flag reads as not special. */
    @Test
    void aMajorFromBeforeTheSpecialFlagIsNotSpecial() {
        String json = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"ExamConfigured","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"SH-ZK-2025-10",
                 "payload":{"examCode":"SH-ZK-2025-10","kind":"SELF_STUDY","name":"自考","configuredAt":"2023-03-10T02:30:00Z",
                 "universities":[{"code":"10268","name":"上海中医药大学","notice":null,
                   "majors":[{"code":"B100801","name":"中药学"},{"code":"B101101","name":"护理学","special":true}]}]}}""";

        var event = EventCodec.payload(EventCodec.read(json), ExamConfigured.class);

        assertThat(event.universities().getFirst().majors()).containsExactly(
                new ExamConfigured.Major("B100801", "中药学", false), new ExamConfigured.Major("B101101", "护理学", true));
        assertThat(event.universities().getFirst().majors().getFirst().special()).isFalse();
    }

    @Test
    void garbageAndUnknownTypesAreMalformedNotCrashes() {
        assertThatThrownBy(() -> EventCodec.read("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"type\":\"X\"}")).isInstanceOf(MalformedEventException.class);
        String unknown = """
                {"eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"ExamCancelled","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"x","payload":{}}""";
        assertThatThrownBy(() -> EventCodec.payload(EventCodec.read(unknown)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ExamCancelled");
    }

    @Test
    void smsRequestsNeverPrintTheirCode() {
        assertThat(SampleEvents.all()).filteredOn(e -> e instanceof org.baokao.events.notification.SmsRequested)
                .singleElement().extracting(Object::toString).asString().doesNotContain("482913")
                .doesNotContain("13112348780");
    }

    @Test
    void mailRequestsPrintNeitherTheirCodeNorTheAddress() {
        assertThat(SampleEvents.all()).filteredOn(e -> e instanceof org.baokao.events.notification.EmailRequested)
                .singleElement().extracting(Object::toString).asString().doesNotContain("739104")
                .doesNotContain("zhangsan").doesNotContain("example.com").contains("PASSWORD_RESET_CODE");
    }

    @Test
    void anExistingCandidateImportOfTheFirstShapeReadsTheLaterFieldsAsNull() {
        String json = """
                {"eventId":"7e58d164-aba2-346d-a514-c43a011d97fe","type":"ExistingCandidateImported","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01",
                 "payload":{"candidateId":"6f1d3b2a-0c4e-4a7b-9d51-2b8e7c0a1f01","bureau":"sh","examCode":"SH-ZK-2025-10",
                  "admissionNumber":"310123456789","held":[{"universityCode":"10246","majorCode":"120201K"}],
                  "importedAt":"2023-03-10T02:30:00Z"}}""";

        var event = EventCodec.payload(EventCodec.read(json),
                org.baokao.events.account.ExistingCandidateImported.class);

        assertThat(event.held()).singleElement().satisfies(held -> assertThat(held.majorCode()).isEqualTo("120201K"));
        assertThat(event.name()).isNull();
        assertThat(event.idNumberHash()).isNull();
        assertThat(event.accountCreated()).isNull();
    }

    /** Issue 23 §5: roster events written before the name was sealed are still in topics and outboxes. */
    @Test
    void aRosterEntryFromBeforeSealingReadsItsNameInClearAndNoSealedName() {
        String json = """
                {"eventId":"06558d27-172c-394d-be85-4919359ad484","type":"RosterEntryImported","version":1,
                 "occurredAt":"2023-03-10T02:30:00Z","aggregateId":"7e6d5c4b-3a29-4180-97f6-e5d4c3b2a105",
                 "payload":{"rosterEntryId":"7e6d5c4b-3a29-4180-97f6-e5d4c3b2a105","examCode":"SD-ZSB-2023",
                  "idType":"RESIDENT_ID","idNumberHash":"5b1f","idNumberMasked":"37**************12","name":"张三",
                  "candidateType":"SCHOOL_RECOMMENDED","collegeCode":"12345","collegeName":"山东医学高等专科学校",
                  "majorCode":"620403","majorName":"医学影像技术"}}""";

        var event = EventCodec.payload(EventCodec.read(json), org.baokao.events.account.RosterEntryImported.class);

        assertThat(event.name()).isEqualTo("张三");
        assertThat(event.sealedName()).isNull();
        assertThat(event.toString()).doesNotContain("张三");
    }

    /** Issue 23 §5: the events that name a person carry the name only sealed. */
    @Test
    void eventsPublishedNowCarryNamesOnlySealed() {
        assertThat(SampleEvents.all()).filteredOn(e -> e instanceof org.baokao.events.account.RosterEntryImported)
                .singleElement().satisfies(e -> {
                    var entry = (org.baokao.events.account.RosterEntryImported) e;
                    assertThat(entry.name()).isNull();
                    assertThat(entry.sealedName()).isEqualTo(SampleEvents.SEALED_NAME);
                    assertThat(entry.toString()).doesNotContain(SampleEvents.SEALED_NAME);
                });
        assertThat(SampleEvents.all()).filteredOn(e -> e instanceof org.baokao.events.account.ExistingCandidateImported)
                .singleElement().satisfies(e -> assertThat(
                        ((org.baokao.events.account.ExistingCandidateImported) e).name()).isNull());
    }

    @Test
    void existingCandidateImportsDoNotPrintTheName() {
        assertThat(SampleEvents.all()).filteredOn(e -> e instanceof org.baokao.events.account.ExistingCandidateImported)
                .singleElement().extracting(Object::toString).asString().doesNotContain("李四")
                .contains("10246");
    }

    @Test
    void aMailRequestBeforeAnAccountExistsIsKeyedByItsAddress() {
        var request = new org.baokao.events.notification.EmailRequested(SampleEvents.CANDIDATE, null,
                "lisi@example.com", "PASSWORD_RESET_CODE", java.util.Map.of(), SampleEvents.AT, "sh");

        assertThat(request.aggregateId()).isEqualTo("lisi@example.com");
    }

    private static String sample(DomainEvent event) throws IOException {
        String resource = EventCatalog.describe(event.getClass()).sampleResource();
        try (InputStream in = EventCatalog.class.getResourceAsStream(resource)) {
            assertThat(in).as("sample " + resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
