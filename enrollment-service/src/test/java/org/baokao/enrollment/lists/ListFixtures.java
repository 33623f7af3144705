package org.baokao.enrollment.lists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of the operators' lists written straight into the tables the wizard and the course selection fill: a roster
 * candidate's enrollment at an exam location (its name sealed as the roster projection seals it) and a 自考
 * candidate's course order.
 */
final class ListFixtures {

    private final JdbcClient jdbc;
    private final PersonalDataProtector sealer;

    ListFixtures(JdbcClient jdbc, PersonalDataProtector sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /** An enrollment of {@code name} at {@code location}; CONFIRMED and COMPLETED ones are confirmed with 230 元. */
    UUID enrollment(UUID examId, String examCode, String location, String status, String name) {
        Instant now = Instant.now();
        UUID rosterEntry = UUID.randomUUID();
        UUID candidate = UUID.randomUUID();
        Sealed sealed = sealer.seal(name);
        jdbc.sql("""
                insert into roster_entry (roster_entry_id, exam_code, id_type, id_number_hash, id_number_masked,
                    name_key_id, name_sealed, candidate_type, college_code, college_name, major_code, major_name,
                    source_occurred_at, updated_at)
                values (:id, :exam, 'ID_CARD', :hash, '37**************12', :key, :sealed, 'NORMAL', '10454',
                    '山东医学高等专科学校', '620403', '医学影像技术', :now, :now)""")
                .param("id", rosterEntry).param("exam", examCode).param("hash", "h-" + rosterEntry)
                .param("key", sealed.keyId()).param("sealed", sealed.data()).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into candidate (candidate_id, roster_entry_id, exam_code, id_type, id_number_hash,
                    id_number_masked, registered_at, created_at, phone_masked)
                values (:id, :entry, :exam, 'ID_CARD', :hash, '37**************12', :now, :now, '131****8780')""")
                .param("id", candidate).param("entry", rosterEntry).param("exam", examCode)
                .param("hash", "h-" + rosterEntry).param("now", Timestamp.from(now)).update();
        boolean confirmed = status.equals("CONFIRMED") || status.equals("COMPLETED");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into enrollment (id, exam_id, exam_code, candidate_id, track, status, version, pledge_version,
                    pledge_accepted_at, identity_status, exam_location_code, sits_exam, subject_group_code,
                    confirmed_at, fee_total_fen, completed_at, created_at, updated_at)
                values (:id, :examId, :exam, :candidate, 'UNIFIED', :status, 1, 1, :now, 'PASSED', :location, true,
                    'MED', :confirmedAt, :fee, :completedAt, :now, :now)""")
                .param("id", id).param("examId", examId).param("exam", examCode).param("candidate", candidate)
                .param("status", status).param("location", location).param("now", Timestamp.from(now))
                .param("confirmedAt", confirmed ? Timestamp.from(now) : null)
                .param("fee", confirmed ? 23000L : null)
                .param("completedAt", status.equals("COMPLETED") ? Timestamp.from(now) : null).update();
        return id;
    }

    /** A course order of a new 自考 candidate with one course at each of {@code universities}. */
    UUID courseOrder(String examCode, String bureau, String status, String... universities) {
        Instant now = Instant.now();
        UUID candidate = UUID.randomUUID();
        jdbc.sql("""
                insert into candidate (candidate_id, exam_code, id_type, id_number_hash, id_number_masked,
                    registered_at, created_at, phone_masked)
                values (:id, :exam, 'ID_CARD', :hash, '31**************34', :now, :now, '139****0000')""")
                .param("id", candidate).param("exam", examCode).param("hash", "h-" + candidate)
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                insert into course_registration (exam_code, candidate_id, bureau, selection, updated_at)
                values (:exam, :candidate, :bureau, '{}'::jsonb, :now)""")
                .param("exam", examCode).param("candidate", candidate).param("bureau", bureau)
                .param("now", Timestamp.from(now)).update();
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < universities.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"universityCode": "%s", "universityName": "%s", "courseCode": "0001%d", "courseName": "课程%d",
                     "feeFen": 3000}""".formatted(universities[i], universities[i].equals("10246") ? "复旦大学"
                    : "上海中医药大学", i, i));
        }
        items.append(']');
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into course_order (id, exam_code, candidate_id, bureau, status, items, total_fen, created_at,
                    lapses_at, placed_at, paid_at, updated_at)
                values (:id, :exam, :candidate, :bureau, :status, cast(:items as jsonb), :total, :now, :lapses,
                    :now, :paidAt, :now)""")
                .param("id", id).param("exam", examCode).param("candidate", candidate).param("bureau", bureau)
                .param("status", status).param("items", items.toString()).param("total", 3000L * universities.length)
                .param("now", Timestamp.from(now)).param("lapses", Timestamp.from(now.plusSeconds(86_400)))
                .param("paidAt", status.equals("PAID") ? Timestamp.from(now) : null).update();
        return id;
    }
}
