package org.baokao.enrollment.selfstudy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The self-study candidates and their universities, in {@code self_study_candidate} and {@code university_registration}. */
@Repository
class SelfStudyCandidates {

    private final JdbcClient jdbc;

    SelfStudyCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate with their universities, or empty when none of their registration events has arrived yet. */
    Optional<SelfStudyCandidate> find(UUID candidateId) {
        return bureauOf(candidateId, false).map(bureau -> SelfStudyCandidate.of(candidateId, bureau,
                registrations(candidateId)));
    }

    /**
     * The candidate, created for {@code bureau} if new, their row locked until the transaction ends: their changes
     * queue, so two 报考其他学校 of one candidate see each other.
     */
    SelfStudyCandidate lockOrCreate(UUID candidateId, String bureau, Instant now) {
        jdbc.sql("insert into self_study_candidate (candidate_id, bureau, created_at) values (?, ?, ?) on conflict do nothing")
                .params(candidateId, bureau, Timestamp.from(now)).update();
        return lock(candidateId).orElseThrow();
    }

    /** The candidate, their row locked until the transaction ends; empty when unknown. */
    Optional<SelfStudyCandidate> lock(UUID candidateId) {
        return bureauOf(candidateId, true).map(bureau -> SelfStudyCandidate.of(candidateId, bureau,
                registrations(candidateId)));
    }

    /** Stores a new registration; false when the candidate holds its university already (nothing changes). */
    boolean insert(UUID candidateId, UniversityRegistration registration) {
        return jdbc.sql("""
                insert into university_registration (candidate_id, university_code, university_name, major_code,
                    major_name, special_major, admission_number, origin, exam_code, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (candidate_id, university_code) do nothing""")
                .params(candidateId, registration.universityCode(), registration.universityName(),
                        registration.majorCode(), registration.majorName(), registration.specialMajor(),
                        registration.admissionNumber(), registration.origin().name(), registration.examCode(),
                        Timestamp.from(registration.registeredAt()))
                .update() == 1;
    }

    /**
     * Stores what an import changed: new registrations, and the 准考证号 of held ones (of the same major: a major,
     * once held, is never replaced).
     */
    void saveImported(UUID candidateId, List<UniversityRegistration> changed) {
        for (UniversityRegistration registration : changed) {
            if (!insert(candidateId, registration)) {
                jdbc.sql("""
                        update university_registration set admission_number = ?
                        where candidate_id = ? and university_code = ? and major_code = ?""")
                        .params(registration.admissionNumber(), candidateId, registration.universityCode(),
                                registration.majorCode())
                        .update();
            }
        }
    }

    /**
     * The candidate proved their phone by an SMS code at {@code at} (registration, PhoneVerified, PhoneChanged). A
     * candidate this service does not keep (a Shandong one) is left alone: nothing waits for their phone here.
     */
    void markPhoneVerified(UUID candidateId, Instant at) {
        jdbc.sql("""
                update self_study_candidate set phone_verified_at = ?
                where candidate_id = ? and (phone_verified_at is null or phone_verified_at < ?)""")
                .params(Timestamp.from(at), candidateId, Timestamp.from(at)).update();
    }

    /** photo-service's approval as of {@code changedAt}; an older change arriving late changes nothing. */
    void recordApproval(UUID candidateId, String status, String reason, Instant changedAt) {
        jdbc.sql("""
                update self_study_candidate set approval_status = ?, approval_reason = ?, approval_changed_at = ?
                where candidate_id = ? and (approval_changed_at is null or approval_changed_at <= ?)""")
                .params(status, reason, Timestamp.from(changedAt), candidateId, Timestamp.from(changedAt)).update();
    }

    /** The candidate's latest approval status, if photo-service has told one. */
    Optional<String> approvalStatus(UUID candidateId) {
        return jdbc.sql("select approval_status from self_study_candidate where candidate_id = ?").param(candidateId)
                .query((row, n) -> Optional.ofNullable(row.getString("approval_status"))).optional()
                .flatMap(status -> status);
    }

    /** Writes a generated 准考证号 on the registrations that have none. */
    void saveNumbered(UUID candidateId, List<UniversityRegistration> numbered) {
        for (UniversityRegistration registration : numbered) {
            jdbc.sql("""
                    update university_registration set admission_number = ?
                    where candidate_id = ? and university_code = ? and admission_number is null""")
                    .params(registration.admissionNumber(), candidateId, registration.universityCode()).update();
        }
    }

    private Optional<String> bureauOf(UUID candidateId, boolean forUpdate) {
        return jdbc.sql("select bureau from self_study_candidate where candidate_id = ?"
                        + (forUpdate ? " for update" : ""))
                .param(candidateId).query(String.class).optional();
    }

    private List<UniversityRegistration> registrations(UUID candidateId) {
        return jdbc.sql("""
                select university_code, university_name, major_code, major_name, special_major, admission_number,
                       origin, exam_code, registered_at
                from university_registration where candidate_id = ? order by registered_at, seq""")
                .param(candidateId)
                .query((row, n) -> registration(row))
                .list();
    }

    private static UniversityRegistration registration(ResultSet row) throws SQLException {
        return new UniversityRegistration(row.getString("university_code"), row.getString("university_name"),
                row.getString("major_code"), row.getString("major_name"), row.getBoolean("special_major"),
                row.getString("admission_number"), RegistrationOrigin.valueOf(row.getString("origin")),
                row.getString("exam_code"), row.getTimestamp("registered_at").toInstant());
    }
}
