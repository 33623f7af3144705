package org.baokao.enrollment.wizard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrollments in PostgreSQL. Every update adds one to {@code version} and only applies to the version read
 * (optimistic locking); the unique index {@code enrollment_one_confirmed_track} refuses a second confirmed
 * track of one candidate and exam (ENR-6) even when two confirmations race.
 */
@Repository
class EnrollmentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<FeeLine>> FEES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrollment> find(UUID id) {
        return jdbc.sql("select * from enrollment where id = ?").param(id).query(EnrollmentRepository::map).optional();
    }

    /** The enrollment, its row locked until the transaction ends. */
    Optional<Enrollment> lock(UUID id) {
        return jdbc.sql("select * from enrollment where id = ? for update").param(id)
                .query(EnrollmentRepository::map).optional();
    }

    List<Enrollment> findByCandidate(UUID candidateId) {
        return jdbc.sql("select * from enrollment where candidate_id = ? order by created_at, id").param(candidateId)
                .query(EnrollmentRepository::map).list();
    }

    /** Every enrollment of the candidate, locked in id order (the same order everywhere: no deadlocks). */
    List<Enrollment> lockByCandidate(UUID candidateId) {
        return jdbc.sql("select * from enrollment where candidate_id = ? order by id for update").param(candidateId)
                .query(EnrollmentRepository::map).list();
    }

    Optional<Enrollment> find(UUID candidateId, UUID examId, Track track) {
        return jdbc.sql("select * from enrollment where candidate_id = ? and exam_id = ? and track = ?")
                .params(candidateId, examId, track.name()).query(EnrollmentRepository::map).optional();
    }

    /** The track the candidate has confirmed for this exam, if any (ENR-6). */
    Optional<Track> confirmedTrack(UUID candidateId, UUID examId) {
        return jdbc.sql("select track from enrollment where candidate_id = ? and exam_id = ? and confirmed_at is not null")
                .params(candidateId, examId).query(String.class).optional().map(Track::valueOf);
    }

    void insert(Enrollment enrollment) {
        Enrollment.Snapshot s = enrollment.snapshot();
        jdbc.sql("""
                insert into enrollment (id, exam_id, exam_code, candidate_id, track, status, version, pledge_version,
                    pledge_accepted_at, photo_id, photo_accepted_at, identity_status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.examId(), s.examCode(), s.candidateId(), s.track().name(), s.status().name(),
                        s.pledgeVersion(), ts(s.pledgeAcceptedAt()), s.photo().photoId(), ts(s.photo().acceptedAt()),
                        s.photo().identity().name(), ts(s.createdAt()), ts(s.createdAt()))
                .update();
    }

    /**
     * Stores the changed enrollment as the next version and answers it as stored; 409 {@code ENROLLMENT_CHANGED} when someone stored
     * another version since it was read, 409 {@code TRACK_EXCLUSIVE} when the candidate's other track got
     * confirmed first.
     */
    Enrollment update(Enrollment enrollment, Instant now) {
        Enrollment.Snapshot s = enrollment.snapshot();
        PersonalInfo info = s.personalInfo();
        ExamChoice choice = s.examChoice();
        Optional<Enrollment> updated;
        try {
            // returning *: the stored version comes back with the write, not with another round trip
            updated = jdbc.sql("""
                    update enrollment set status = ?, version = version + 1, photo_id = ?, photo_accepted_at = ?,
                        identity_status = ?, political_status = ?, ethnicity = ?, foreign_language = ?,
                        mailing_address = ?, postcode = ?, email = ?, household_province = ?, household_city = ?,
                        candidate_category = ?, personal_info_saved_at = ?, exam_location_code = ?, sits_exam = ?,
                        junior_major_code = ?, subject_group_code = ?, concurrent_application = ?,
                        concurrent_major = ?, exam_choice_saved_at = ?, confirmed_at = ?, fee_items = ?::jsonb, fee_total_fen = ?,
                        completed_at = ?, order_id = ?, last_refund_id = ?, last_refunded_at = ?, last_amended_at = ?,
                        updated_at = ?
                    where id = ? and version = ?
                    returning *""")
                    .params(s.status().name(), s.photo().photoId(), ts(s.photo().acceptedAt()),
                            s.photo().identity().name(),
                            info == null ? null : info.politicalStatus(), info == null ? null : info.ethnicity(),
                            info == null ? null : info.foreignLanguage(), info == null ? null : info.mailingAddress(),
                            info == null ? null : info.postcode(), info == null ? null : info.email(),
                            info == null ? null : info.householdProvince(), info == null ? null : info.householdCity(),
                            info == null ? null : info.candidateCategory(), ts(s.personalInfoSavedAt()),
                            choice == null ? null : choice.locationCode(), choice == null ? null : choice.sitsExam(),
                            choice == null ? null : choice.majorCode(), choice == null ? null : choice.subjectGroupCode(),
                            choice == null ? null : choice.concurrentApplication(),
                            choice == null ? null : choice.concurrentMajor(), ts(s.examChoiceSavedAt()),
                            ts(s.confirmedAt()), s.fees() == null ? null : JSON.writeValueAsString(s.fees()),
                            s.fees() == null ? null : FeeLine.total(s.fees()), ts(s.completedAt()), s.orderId(),
                            s.lastRefundId(), ts(s.lastRefundedAt()), ts(s.lastAmendedAt()), ts(now), s.id(),
                            s.version())
                    .query(EnrollmentRepository::map).optional();
        } catch (DuplicateKeyException e) {
            // only enrollment_one_confirmed_track can be hit by an update: the other track won the race
            throw EnrollmentWizard.trackExclusive();
        }
        return updated.orElseThrow(EnrollmentWizard::changed);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Boolean bool(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static Enrollment map(ResultSet row, int n) throws SQLException {
        PhotoState photo = new PhotoState(row.getObject("photo_id", UUID.class), instant(row, "photo_accepted_at"),
                IdentityStatus.valueOf(row.getString("identity_status")), 0);
        PersonalInfo info = row.getTimestamp("personal_info_saved_at") == null ? null
                : new PersonalInfo(row.getString("political_status"), row.getString("ethnicity"),
                        row.getString("foreign_language"), row.getString("mailing_address"), row.getString("postcode"),
                        row.getString("email"), row.getString("household_province"), row.getString("household_city"),
                        row.getString("candidate_category"));
        ExamChoice choice = row.getTimestamp("exam_choice_saved_at") == null ? null
                : new ExamChoice(row.getString("exam_location_code"), row.getBoolean("sits_exam"),
                        row.getString("junior_major_code"), row.getString("subject_group_code"),
                        bool(row, "concurrent_application"), row.getString("concurrent_major"));
        String fees = row.getString("fee_items");
        return new Enrollment(new Enrollment.Snapshot(row.getObject("id", UUID.class),
                row.getObject("exam_id", UUID.class), row.getString("exam_code"),
                row.getObject("candidate_id", UUID.class), Track.valueOf(row.getString("track")),
                EnrollmentStatus.valueOf(row.getString("status")), row.getInt("version"),
                row.getInt("pledge_version"), instant(row, "pledge_accepted_at"), photo, info,
                instant(row, "personal_info_saved_at"), choice, instant(row, "exam_choice_saved_at"),
                instant(row, "confirmed_at"), fees == null ? null : JSON.readValue(fees, FEES),
                instant(row, "completed_at"), row.getObject("order_id", UUID.class),
                row.getObject("last_refund_id", UUID.class), instant(row, "last_refunded_at"),
                instant(row, "last_amended_at"), instant(row, "created_at")));
    }
}
