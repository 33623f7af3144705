package org.baokao.enrollment.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.personaldata.EventSealer;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * enrollment-service's copy of the roster (ARCHITECTURE: no service reads another's tables): roster entries and
 * the candidates registered against them, written from account events, read by the wizard. Applying an event
 * twice leaves the tables as applying it once; an entry's older event never overwrites a newer one.
 */
@Repository
public class RosterProjection {

    /**
     * The consumer of account-service's events, the service's only one of {@code account.events}: roster,
     * registration and phone events here, other features' handlers beside (one consumer may have handlers in several
     * classes, one per event type; see {@link CandidateRegistrationFollower}).
     */
    public static final String CONSUMER = "enrollment-service.roster-projection";

    private final JdbcClient jdbc;
    private final PersonalDataProtector sealer;
    /** Opens the name as it travels in the event (issue 23 §5), sealed with the shared event keys. */
    private final EventSealer eventKeys;
    private final Clock clock;
    private final List<CandidateRegistrationFollower> followers;
    private final List<PhoneChangeFollower> phoneFollowers;

    RosterProjection(JdbcClient jdbc, PersonalDataProtector sealer, EventSealer eventKeys, Clock clock,
            List<CandidateRegistrationFollower> followers, List<PhoneChangeFollower> phoneFollowers) {
        this.jdbc = jdbc;
        this.sealer = sealer;
        this.eventKeys = eventKeys;
        this.clock = clock;
        this.followers = List.copyOf(followers);
        this.phoneFollowers = List.copyOf(phoneFollowers);
    }

    @EventHandler(CONSUMER)
    void imported(RosterEntryImported entry, EventMeta meta) {
        apply(entry, meta.occurredAt() != null ? meta.occurredAt() : clock.instant());
    }

    /** A roster row was imported or changed: insert it, or update it unless what is stored is newer. */
    void apply(RosterEntryImported entry, Instant occurredAt) {
        // the event's name, sealed with the event keys (or in clear in events from before issue 23), is kept
        // sealed again under this service's own keys at rest
        Sealed name = sealer.seal(eventKeys.openOrClear(entry.sealedName(), entry.name()));
        jdbc.sql("""
                insert into roster_entry as r (roster_entry_id, exam_code, id_type, id_number_hash, id_number_masked,
                    name_key_id, name_sealed, candidate_type, college_code, college_name, major_code, major_name,
                    source_occurred_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (roster_entry_id) do update set exam_code = excluded.exam_code,
                    id_type = excluded.id_type, id_number_hash = excluded.id_number_hash,
                    id_number_masked = excluded.id_number_masked, name_key_id = excluded.name_key_id,
                    name_sealed = excluded.name_sealed, candidate_type = excluded.candidate_type,
                    college_code = excluded.college_code, college_name = excluded.college_name,
                    major_code = excluded.major_code, major_name = excluded.major_name,
                    source_occurred_at = excluded.source_occurred_at, updated_at = excluded.updated_at
                where r.source_occurred_at <= excluded.source_occurred_at""")
                .params(entry.rosterEntryId(), entry.examCode(), entry.idType(), entry.idNumberHash(),
                        entry.idNumberMasked(), name.keyId(), name.data(), entry.candidateType(), entry.collegeCode(),
                        entry.collegeName(), entry.majorCode(), entry.majorName(), Timestamp.from(occurredAt),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * A candidate registered: remember which roster entry (if any) is theirs, and tell the other features that follow
     * registrations. Registration happens once.
     */
    @EventHandler(CONSUMER)
    void registered(CandidateRegistered registered) {
        apply(registered);
        followers.forEach(follower -> follower.registered(registered));
    }

    void apply(CandidateRegistered registered) {
        jdbc.sql("""
                insert into candidate (candidate_id, roster_entry_id, exam_code, id_type, id_number_hash,
                    id_number_masked, registered_at, created_at, phone_masked, gender, birth_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (candidate_id) do nothing""")
                .params(registered.candidateId(), registered.rosterEntryId(), registered.examCode(),
                        registered.idType(), registered.idNumberHash(), registered.idNumberMasked(),
                        Timestamp.from(registered.registeredAt() != null ? registered.registeredAt() : clock.instant()),
                        Timestamp.from(clock.instant()), registered.phoneMasked(), registered.gender(),
                        registered.birthDate())
                .update();
    }

    /**
     * The candidate's phone changed (ACC-8). Their registration came first on the same partition (both are keyed
     * by the candidate id), so the row is there; a redelivery writes the same value again. The features that follow
     * phone changes are told in the same transaction.
     */
    @EventHandler(CONSUMER)
    void changed(PhoneChanged changed) {
        apply(changed);
        phoneFollowers.forEach(follower -> follower.phoneChanged(changed));
    }

    void apply(PhoneChanged changed) {
        jdbc.sql("update candidate set phone_masked = ? where candidate_id = ?")
                .params(changed.phoneMasked(), changed.candidateId())
                .update();
    }

    /**
     * What the wizard prefills for {@code candidateId}: empty when the candidate's registration has not arrived
     * yet; without roster facts while their roster entry has not (or for open registration).
     */
    public Optional<CandidateProfile> findCandidateProfile(UUID candidateId) {
        return jdbc.sql("""
                select c.candidate_id, c.exam_code, c.id_type, c.id_number_masked, c.registered_at,
                       c.phone_masked, c.gender, c.birth_date,
                       r.roster_entry_id, r.name_key_id, r.name_sealed, r.candidate_type, r.college_code,
                       r.college_name, r.major_code, r.major_name
                from candidate c
                left join roster_entry r on r.roster_entry_id = c.roster_entry_id
                where c.candidate_id = ?""")
                .param(candidateId)
                .query((row, n) -> {
                    UUID rosterEntryId = row.getObject("roster_entry_id", UUID.class);
                    CandidateProfile.RosterFacts roster = rosterEntryId == null ? null
                            : new CandidateProfile.RosterFacts(rosterEntryId,
                                    sealer.open(new Sealed(row.getString("name_key_id"), row.getBytes("name_sealed"))),
                                    row.getString("candidate_type"), row.getString("college_code"),
                                    row.getString("college_name"), row.getString("major_code"),
                                    row.getString("major_name"));
                    return new CandidateProfile(row.getObject("candidate_id", UUID.class), row.getString("exam_code"),
                            row.getString("id_type"), row.getString("id_number_masked"),
                            row.getTimestamp("registered_at").toInstant(), row.getString("phone_masked"),
                            row.getString("gender"), row.getObject("birth_date", LocalDate.class), roster);
                })
                .optional();
    }
}
