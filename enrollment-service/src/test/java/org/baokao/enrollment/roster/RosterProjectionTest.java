package org.baokao.enrollment.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.baokao.events.DomainEvent;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.personaldata.EventSealer;
import org.baokao.testkit.Eventually;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ENR-3 prefill: account events arrive over real Kafka and are kept in enrollment's own tables through the
 * inbox; duplicates change nothing, an older event never overwrites a newer one, names are sealed (ACC-10).
 */
@ServiceTest
class RosterProjectionTest {

    @Autowired
    RosterProjection projection;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventSealer eventKeys;

    private final KafkaEvents events = KafkaEvents.ofTestServers();

    UUID rosterEntryId = UUID.randomUUID();
    UUID candidateId = UUID.randomUUID();
    String hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");


    /** ENR-3: the wizard prefills name, 考生类型, college and major from the roster entry. */
    @Test
    void aRegisteredCandidatesProfileComesFromTheirRosterEntry() {
        publish(entry("张伟", "620403", "医学影像技术"), Instant.parse("2023-03-10T02:30:00Z"));
        publish(registered(), Instant.parse("2023-03-11T02:30:00Z"));

        CandidateProfile profile = await(() -> projection.findCandidateProfile(candidateId)
                .filter(CandidateProfile::hasRoster).orElse(null));

        assertThat(profile.examCode()).isEqualTo("SD-ZSB-2023");
        assertThat(profile.idType()).isEqualTo("RESIDENT_ID");
        assertThat(profile.idNumberMasked()).isEqualTo("37**************12");
        assertThat(profile.registeredAt()).isEqualTo(Instant.parse("2023-03-11T02:30:00Z"));
        CandidateProfile.RosterFacts roster = profile.roster();
        assertThat(roster.rosterEntryId()).isEqualTo(rosterEntryId);
        assertThat(roster.name()).isEqualTo("张伟");
        assertThat(roster.candidateTypeName()).isEqualTo("校荐");
        assertThat(roster.isThreePlusTwo()).isFalse();
        assertThat(roster.collegeCode()).isEqualTo("10454");
        assertThat(roster.collegeName()).isEqualTo("山东医学高等专科学校");
        assertThat(roster.majorCode()).isEqualTo("620403");
        assertThat(roster.majorName()).isEqualTo("医学影像技术");
        assertThat(roster.toString()).doesNotContain("张伟");
        // 性别, 出生日期 and the masked phone, as account-service derived and masked them
        assertThat(profile.phoneMasked()).isEqualTo("138****5678");
        assertThat(profile.genderName()).isEqualTo("女");
        assertThat(profile.birthDate()).isEqualTo(LocalDate.of(2001, 5, 12));
    }

    /**
     * Issue 23 §5: the name arrives sealed with the shared event keys (account-service's, the same configuration
     * here), is opened and kept sealed under this service's own keys; the wizard shows it as before. Events from
     * before, with the name in clear, still read (the test above publishes that shape).
     */
    @Test
    void aNameSealedWithTheEventKeysIsShownAndKeptSealedUnderTheServicesOwnKeys() {
        String sealed = eventKeys.seal("欧阳娜娜");
        publish(RosterEntryImported.sealed(rosterEntryId, "SD-ZSB-2023", "RESIDENT_ID", hash, "37**************12",
                sealed, "SCHOOL_RECOMMENDED", "10454", "山东医学高等专科学校", "620403", "医学影像技术"),
                Instant.parse("2023-03-10T02:30:00Z"));
        publish(registered(), Instant.parse("2023-03-11T02:30:00Z"));

        CandidateProfile profile = await(() -> projection.findCandidateProfile(candidateId)
                .filter(CandidateProfile::hasRoster).orElse(null));

        assertThat(profile.roster().name()).isEqualTo("欧阳娜娜");
        byte[] stored = jdbc.sql("select name_sealed from roster_entry where roster_entry_id = ?")
                .param(rosterEntryId).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("欧阳");
        assertThat(stored).as("sealed again under the service's key, not the event's sealed bytes")
                .isNotEqualTo(java.util.Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1)));
    }

    /** ACC-8 → ENR-3: an approved phone change shows in the wizard; the full phone never reaches this service. */
    @Test
    void aPhoneChangeReplacesTheMaskedPhone() {
        publish(registered(), Instant.parse("2023-03-11T02:30:00Z"));
        publish(new PhoneChanged(candidateId, "139****0001", "MANUAL_REVIEW", Instant.now()), Instant.now());

        CandidateProfile profile = await(() -> projection.findCandidateProfile(candidateId)
                .filter(p -> "139****0001".equals(p.phoneMasked())).orElse(null));
        assertThat(profile.genderName()).isEqualTo("女");
    }

    /** ACC-10: the name is stored sealed, and no column holds a full ID number. */
    @Test
    void theNameIsSealedAndNoFullIdNumberIsStored() {
        publish(entry("阿卜杜·热合曼", "620401", "医学检验技术"), Instant.parse("2023-03-10T02:30:00Z"));
        await(() -> rows(rosterEntryId) == 1 ? true : null);

        Map<String, Object> row = jdbc.sql("select * from roster_entry where roster_entry_id = ?")
                .param(rosterEntryId).query().singleRow();
        byte[] sealed = (byte[]) row.get("name_sealed");
        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("阿卜杜");
        assertThat(row.get("name_key_id")).isEqualTo("test-1");
        assertThat(row.get("id_number_masked")).isEqualTo("37**************12");
        assertThat(row.keySet()).doesNotContain("id_number", "name");
    }

    /** ENR-3: a candidate whose roster entry has not arrived yet gets a profile without roster facts, then one with. */
    @Test
    void theRosterEntryMayArriveAfterTheCandidate() {
        publish(registered(), Instant.parse("2023-03-11T02:30:00Z"));
        CandidateProfile early = await(() -> projection.findCandidateProfile(candidateId).orElse(null));
        assertThat(early.hasRoster()).isFalse();

        publish(entry("李娜", "510201", "计算机应用技术"), Instant.parse("2023-03-10T02:30:00Z"));
        CandidateProfile later = await(() -> projection.findCandidateProfile(candidateId)
                .filter(CandidateProfile::hasRoster).orElse(null));
        assertThat(later.roster().majorCode()).isEqualTo("510201");
        assertThat(projection.findCandidateProfile(UUID.randomUUID())).as("unknown candidate").isEmpty();
    }

    /** ENR-3 / events: a redelivered event (same id) changes nothing, a stale one never overwrites a newer one. */
    @Test
    void duplicateAndStaleEventsChangeNothing() {
        UUID firstEvent = UUID.randomUUID();
        publish(firstEvent, entry("王𠮷", "530302", "大数据与会计"), Instant.parse("2023-03-10T02:30:00Z"));
        await(() -> rows(rosterEntryId) == 1 ? true : null);
        Map<String, Object> before = jdbc.sql("select * from roster_entry where roster_entry_id = ?")
                .param(rosterEntryId).query().singleRow();

        // the same event again (a redelivery or a republished outbox row), a newer change, another account event
        // on the same partition, then a stale change: all in order on the entry's partition
        publish(firstEvent, entry("王𠮷", "530302", "大数据与会计"), Instant.parse("2023-03-10T02:30:00Z"));
        publish(entry("王𠮷", "530301", "大数据与财务管理"), Instant.parse("2023-03-12T02:30:00Z"));
        UUID marker = UUID.randomUUID();
        publish(marker, new PasswordChanged(candidateId, "RESET", Instant.now()), Instant.now(),
                rosterEntryId.toString());
        UUID stale = UUID.randomUUID();
        publish(stale, entry("王𠮷", "460301", "机电一体化技术"), Instant.parse("2023-03-11T02:30:00Z"));
        await(() -> inboxRecords(stale) == 1 ? true : null);

        assertThat(inboxRecords(firstEvent)).as("applied once").isEqualTo(1);
        Map<String, Object> after = jdbc.sql("select * from roster_entry where roster_entry_id = ?")
                .param(rosterEntryId).query().singleRow();
        assertThat(after.get("major_code")).as("the newest change wins").isEqualTo("530301");
        assertThat(after.get("source_occurred_at")).isNotEqualTo(before.get("source_occurred_at"));
        assertThat(rows(rosterEntryId)).isEqualTo(1);

        // the same registration twice: still one candidate, unchanged
        publish(registered(), Instant.parse("2023-03-13T02:30:00Z"));
        publish(registered(), Instant.parse("2023-03-14T02:30:00Z"));
        UUID last = UUID.randomUUID();
        publish(last, registered(), Instant.parse("2023-03-14T02:30:00Z"));
        await(() -> inboxRecords(last) == 1 ? true : null);
        assertThat(jdbc.sql("select count(*) from candidate where candidate_id = ?").param(candidateId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from messaging.inbox where event_id = ?").param(marker)
                .query(Long.class).single()).as("other account events are not recorded").isZero();
    }

    private RosterEntryImported entry(String name, String majorCode, String majorName) {
        return new RosterEntryImported(rosterEntryId, "SD-ZSB-2023", "RESIDENT_ID", hash, "37**************12", name,
                "SCHOOL_RECOMMENDED", "10454", "山东医学高等专科学校", majorCode, majorName);
    }

    private CandidateRegistered registered() {
        return new CandidateRegistered(candidateId, rosterEntryId, "SD-ZSB-2023", "RESIDENT_ID", hash,
                "37**************12", Instant.parse("2023-03-11T02:30:00Z"), "138****5678", "FEMALE",
                LocalDate.of(2001, 5, 12));
    }

    private void publish(DomainEvent event, Instant occurredAt) {
        publish(UUID.randomUUID(), event, occurredAt);
    }

    private void publish(UUID eventId, DomainEvent event, Instant occurredAt) {
        publish(eventId, event, occurredAt, event.aggregateId());
    }

    private void publish(UUID eventId, DomainEvent event, Instant occurredAt, String key) {
        events.publish(eventId, event, occurredAt, key);
    }

    private long rows(UUID id) {
        return jdbc.sql("select count(*) from roster_entry where roster_entry_id = ?").param(id).query(Long.class)
                .single();
    }

    private long inboxRecords(UUID eventId) {
        return jdbc.sql("select count(*) from messaging.inbox where event_id = ?").param(eventId).query(Long.class)
                .single();
    }

    private static <T> T await(Supplier<T> probe) {
        return Eventually.value(probe);
    }
}
