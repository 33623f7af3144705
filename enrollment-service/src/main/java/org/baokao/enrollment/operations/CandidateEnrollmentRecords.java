package org.baokao.enrollment.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What this service holds of one candidate for the Candidates desk (OPS-3): enrollments and universities held. */
@Repository
class CandidateEnrollmentRecords {

    private final JdbcClient jdbc;

    CandidateEnrollmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Enrollment(UUID enrollmentId, String examCode, String examName, String bureau, String track, String status,
            String examLocationCode, Instant confirmedAt, Long feeTotalFen, Instant completedAt, Instant createdAt) {
    }

    record University(String universityCode, String universityName, String majorCode, String majorName,
            String admissionNumber, String examCode, String bureau, Instant registeredAt) {
    }

    /** Every enrollment of the candidate, with its exam's bureau, newest first. */
    List<Enrollment> enrollments(UUID candidateId) {
        return jdbc.sql("""
                select e.id, e.exam_code, x.name, x.bureau, e.track, e.status, e.exam_location_code, e.confirmed_at,
                    e.fee_total_fen, e.completed_at, e.created_at
                from enrollment e join exam x on x.id = e.exam_id
                where e.candidate_id = ? order by e.created_at desc""")
                .param(candidateId)
                .query((row, n) -> new Enrollment(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        instant(row.getTimestamp(8)), row.getObject(9, Long.class), instant(row.getTimestamp(10)),
                        instant(row.getTimestamp(11))))
                .list();
    }

    /** The 主考学校 the 自考 candidate holds, in the order taken up. */
    List<University> universities(UUID candidateId) {
        return jdbc.sql("""
                select r.university_code, r.university_name, r.major_code, r.major_name, r.admission_number,
                    r.exam_code, s.bureau, r.registered_at
                from university_registration r join self_study_candidate s on s.candidate_id = r.candidate_id
                where r.candidate_id = ? order by r.registered_at, r.seq""")
                .param(candidateId)
                .query((row, n) -> new University(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        instant(row.getTimestamp(8))))
                .list();
    }

    /** The bureau of a 自考 candidate, known even before they hold a university. */
    Optional<String> selfStudyBureau(UUID candidateId) {
        return jdbc.sql("select bureau from self_study_candidate where candidate_id = ?").param(candidateId)
                .query(String.class).optional();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
