package org.baokao.enrollment.selfstudy;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts of a candidate's readiness (SST-4) in one query: course selection asks for them on every save, so the
 * candidate's row, profile, answer, origin and 准考证号 come together.
 */
@Repository
class ReadinessRepository {

    private final JdbcClient jdbc;

    ReadinessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate's facts at sitting {@code examCode}; empty when nothing of them has arrived (or another bureau's). */
    Optional<ReadinessFacts> find(UUID candidateId, String bureau, String examCode, boolean questionnaireConfigured) {
        return jdbc.sql("""
                select c.phone_verified_at is not null as phone_verified, c.approval_status, c.approval_reason,
                       p.ethnicity, p.political_status, p.education, p.occupation, p.mailing_address, p.postcode,
                       exists (select 1 from questionnaire_answer a
                               where a.candidate_id = c.candidate_id and a.exam_code = ?) as answered,
                       exists (select 1 from university_registration r
                               where r.candidate_id = c.candidate_id and r.origin = ?) as new_candidate,
                       (select r.admission_number from university_registration r
                        where r.candidate_id = c.candidate_id and r.admission_number is not null
                        order by r.registered_at, r.seq limit 1) as admission_number
                from self_study_candidate c
                left join self_study_profile p on p.candidate_id = c.candidate_id
                where c.candidate_id = ? and c.bureau = ?""")
                .params(examCode, RegistrationOrigin.REGISTRATION.name(), candidateId, bureau)
                .query((row, n) -> {
                    SelfStudyProfile profile = new SelfStudyProfile(row.getString("ethnicity"),
                            row.getString("political_status"), row.getString("education"), row.getString("occupation"),
                            row.getString("mailing_address"), row.getString("postcode"), null, null);
                    return new ReadinessFacts(SelfStudyProfileRules.missing(profile), row.getBoolean("phone_verified"),
                            questionnaireConfigured, row.getBoolean("answered"), row.getBoolean("new_candidate"),
                            row.getString("approval_status"), row.getString("approval_reason"),
                            row.getString("admission_number"));
                })
                .optional();
    }
}
