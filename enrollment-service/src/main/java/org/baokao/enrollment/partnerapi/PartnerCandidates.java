package org.baokao.enrollment.partnerapi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The candidates a partner names (API-1 verify, API-3 admission) and their enrollments at the partner's bureau. A
 * candidate is found by the keyed hash of the normalised ID number ({@link LookupHasher}, account-service's look-up
 * key: the hash its events carry), never by decrypting anything; the name is the roster's, sealed here (ACC-10) and
 * opened only to compare. A candidate whose name this service does not hold (open registration: account-service
 * sends no name) is never named.
 */
@Repository
class PartnerCandidates {

    private final JdbcClient jdbc;
    private final LookupHasher hasher;
    private final PersonalDataProtector sealer;

    PartnerCandidates(JdbcClient jdbc, LookupHasher hasher, PersonalDataProtector sealer) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.sealer = sealer;
    }

    /** The candidates (account ids) with this ID type, number and name: usually one, none for a stranger. */
    List<UUID> named(CandidateQuery query) {
        return jdbc.sql("""
                select c.candidate_id, r.name_key_id, r.name_sealed
                from candidate c join roster_entry r on r.roster_entry_id = c.roster_entry_id
                where c.id_number_hash = ? and c.id_type = ?""")
                .params(hasher.hash(query.idNumber()), query.idType())
                .query((row, n) -> new Held(row.getObject(1, UUID.class),
                        new Sealed(row.getString(2), row.getBytes(3))))
                .list().stream().filter(held -> query.isNamed(sealer.open(held.name()))).map(Held::candidateId)
                .toList();
    }

    private record Held(UUID candidateId, Sealed name) {
    }

    /** An enrollment as verify answers it: the exam, where it stands, paid or not. */
    record Verified(String examCode, String examName, String status) {
    }

    /** The enrollments of {@code candidates} in exams of {@code bureau}, oldest first. */
    List<Verified> enrollments(Collection<UUID> candidates, String bureau) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.exam_code, x.name, e.status
                from enrollment e join exam x on x.id = e.exam_id
                where e.candidate_id = any(cast(? as uuid[])) and x.bureau = ?
                order by e.created_at, e.id""")
                .params(uuidArray(candidates), bureau)
                .query((row, n) -> new Verified(row.getString(1), row.getString(2), row.getString(3)))
                .list();
    }

    /** What an enrollment holds of where and what the candidate sits (ENR-4), as far as they have chosen. */
    record Sitting(String examCode, String track, String status, String examLocationCode, Boolean sitsExam,
            String juniorMajorCode, String subjectGroupCode, Instant confirmedAt, Instant completedAt) {
    }

    /** The enrollments of {@code candidates} in exams of {@code bureau} with their choices, oldest first. */
    List<Sitting> sittings(Collection<UUID> candidates, String bureau) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.exam_code, e.track, e.status, e.exam_location_code, e.sits_exam, e.junior_major_code,
                       e.subject_group_code, e.confirmed_at, e.completed_at
                from enrollment e join exam x on x.id = e.exam_id
                where e.candidate_id = any(cast(? as uuid[])) and x.bureau = ?
                order by e.created_at, e.id""")
                .params(uuidArray(candidates), bureau)
                .query((row, n) -> new Sitting(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getObject(5, Boolean.class), row.getString(6), row.getString(7),
                        instant(row.getTimestamp(8)), instant(row.getTimestamp(9))))
                .list();
    }

    private static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
