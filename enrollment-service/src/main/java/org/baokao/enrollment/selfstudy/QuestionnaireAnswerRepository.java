package org.baokao.enrollment.selfstudy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers to a sitting's 问卷调查 (SST-4) in {@code questionnaire_answer}: one per candidate and sitting. */
@Repository
class QuestionnaireAnswerRepository {

    // storage has its own mapper: what is stored never changes with the web layer's JSON settings
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    QuestionnaireAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the candidate answered at the sitting. */
    record Answered(String version, Map<String, Object> answers, Instant answeredAt) {
    }

    Optional<Answered> find(UUID candidateId, String examCode) {
        return jdbc.sql("""
                select version, answers::text as answers, answered_at from questionnaire_answer
                where candidate_id = ? and exam_code = ?""")
                .params(candidateId, examCode)
                .query((row, n) -> new Answered(row.getString("version"), JSON.readValue(row.getString("answers"),
                        ANSWERS), row.getTimestamp("answered_at").toInstant()))
                .optional();
    }

    /** Stores the answers; false when the candidate answered this sitting's questionnaire already (nothing changes). */
    boolean insert(UUID candidateId, String examCode, String version, Map<String, Object> answers, Instant at) {
        return jdbc.sql("""
                insert into questionnaire_answer (candidate_id, exam_code, version, answers, answered_at)
                values (?, ?, ?, ?::jsonb, ?)
                on conflict (candidate_id, exam_code) do nothing""")
                .params(candidateId, examCode, version, JSON.writeValueAsString(answers), Timestamp.from(at))
                .update() == 1;
    }
}
