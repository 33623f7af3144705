package org.baokao.account.registration;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.baokao.account.bureau.Bureaus;
import org.baokao.domain.Refusal;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.ExamConfigured.Major;
import org.baokao.events.enrollment.ExamConfigured.University;
import org.baokao.messaging.consumer.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The examining universities (主考学校) and majors a new candidate chooses from in an open registration (ACC-3),
 * as enrollment-service last configured the exam: kept from its {@link ExamConfigured} events, never asked for,
 * so registration works while enrollment-service is down.
 */
@Repository
public class UniversityCatalogue {

    /** The consumer of enrollment-service's events, ExamConfigured among them. */
    static final String CONSUMER = Bureaus.ENROLLMENT_CONSUMER;
    private static final Logger log = LoggerFactory.getLogger(UniversityCatalogue.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<University>> UNIVERSITIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    UniversityCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the exam's configuration unless a newer one is already kept (a replayed or late event changes
     * nothing). Returns whether it was kept.
     */
    @EventHandler(CONSUMER)
    void configured(ExamConfigured configured) {
        if (keep(configured)) {
            log.info("Exam {}: {} examining universities for open registration", configured.examCode(),
                    configured.universities().size());
        }
    }

    public boolean keep(ExamConfigured configured) {
        return jdbc.sql("""
                insert into exam_registration_catalogue (exam_code, exam_name, exam_kind, universities, configured_at,
                    bureau)
                values (?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (exam_code) do update set exam_name = excluded.exam_name, exam_kind = excluded.exam_kind,
                    universities = excluded.universities, configured_at = excluded.configured_at, received_at = now(),
                    bureau = excluded.bureau
                where exam_registration_catalogue.configured_at < excluded.configured_at""")
                .params(configured.examCode(), configured.name(), configured.kind(),
                        JSON.writeValueAsString(configured.universities()), Timestamp.from(configured.configuredAt()),
                        configured.bureau())
                .update() == 1;
    }

    /** The universities open to new candidates of the exam, in the order the exam lists them; empty if none. */
    public List<University> universities(String examCode) {
        return jdbc.sql("select universities::text from exam_registration_catalogue where exam_code = ?")
                .param(examCode).query(String.class).optional()
                .map(json -> JSON.readValue(json, UNIVERSITIES)).orElse(List.of());
    }

    /**
     * The university and major a new candidate chose, or a 400 naming what is wrong: nothing chosen, a
     * university the exam does not have, or a major that university does not offer.
     */
    public Choice choose(String examCode, String universityCode, String majorCode) {
        if (universityCode == null || universityCode.isBlank()) {
            throw Refusal.invalid("UNIVERSITY_REQUIRED", "请选择报考的主考学校");
        }
        if (majorCode == null || majorCode.isBlank()) {
            throw Refusal.invalid("MAJOR_REQUIRED", "请选择报考专业");
        }
        University university = find(examCode, universityCode.strip()).orElseThrow(
                () -> Refusal.invalid("UNIVERSITY_UNKNOWN", "所选主考学校不在本次考试的主考学校中，请重新选择"));
        Major major = university.majors().stream().filter(m -> m.code().equals(majorCode.strip())).findFirst()
                .orElseThrow(() -> Refusal.invalid("MAJOR_NOT_OFFERED",
                        university.name() + "没有开设所选专业，请重新选择"));
        return new Choice(university.code(), university.name(), major.code(), major.name(), major.special());
    }

    private Optional<University> find(String examCode, String universityCode) {
        return universities(examCode).stream().filter(u -> u.code().equals(universityCode)).findFirst();
    }

    /**
     * An examining university and one of its majors, codes and names; {@code specialMajor}: the catalogue flags the
     * major 特殊专业 (ENR-10: its new candidates are reviewed by hand with proofs).
     */
    public record Choice(String universityCode, String universityName, String majorCode, String majorName,
            boolean specialMajor) {
    }
}
