package org.baokao.enrollment.selfstudy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Generated 准考证号 (SST-7) and their counters, in {@code admission_number} and {@code admission_number_counter}. */
@Repository
class AdmissionNumberRepository {

    private final JdbcClient jdbc;

    AdmissionNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next sequence of ({@code sittingYear}, {@code universityCode}): the counter row is created or advanced and
     * stays locked until the transaction ends, so two candidates of one university never get the same sequence.
     */
    int nextSequence(String sittingYear, String universityCode) {
        return jdbc.sql("""
                insert into admission_number_counter as c (sitting_year, university_code, last_sequence)
                values (?, ?, 1)
                on conflict (sitting_year, university_code) do update set last_sequence = c.last_sequence + 1
                returning last_sequence""")
                .params(sittingYear, universityCode).query(Integer.class).single();
    }

    void insert(AdmissionNumber number, UUID candidateId, Instant at) {
        jdbc.sql("""
                insert into admission_number (admission_number, candidate_id, university_code, assigned_at)
                values (?, ?, ?, ?)""")
                .params(number.toString(), candidateId, number.universityCode(), Timestamp.from(at)).update();
    }

    /** The number generated for the candidate, if one was. */
    Optional<String> of(UUID candidateId) {
        return jdbc.sql("select admission_number from admission_number where candidate_id = ?").param(candidateId)
                .query(String.class).optional();
    }
}
