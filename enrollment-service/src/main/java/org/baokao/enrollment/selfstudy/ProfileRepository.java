package org.baokao.enrollment.selfstudy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 自考 candidates' 个人信息 in {@code self_study_profile}, the 固定电话 sealed under this service's key (ACC-10: phone
 * numbers are encrypted at rest), opened only for its owner's form.
 */
@Repository
class ProfileRepository {

    private final JdbcClient jdbc;
    private final PersonalDataProtector sealer;

    ProfileRepository(JdbcClient jdbc, PersonalDataProtector sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /** A profile as saved, with when. */
    record Saved(SelfStudyProfile profile, Instant updatedAt) {
    }

    Optional<Saved> find(UUID candidateId) {
        return jdbc.sql("""
                select ethnicity, political_status, education, occupation, mailing_address, postcode, employer,
                       landline_key_id, landline_sealed, updated_at
                from self_study_profile where candidate_id = ?""")
                .param(candidateId)
                .query((row, n) -> {
                    String keyId = row.getString("landline_key_id");
                    String landline = keyId == null ? null : sealer.open(new Sealed(keyId, row.getBytes("landline_sealed")));
                    return new Saved(new SelfStudyProfile(row.getString("ethnicity"), row.getString("political_status"),
                            row.getString("education"), row.getString("occupation"), row.getString("mailing_address"),
                            row.getString("postcode"), row.getString("employer"), landline),
                            row.getTimestamp("updated_at").toInstant());
                })
                .optional();
    }

    /** Inserts or replaces the candidate's profile (checked by {@link SelfStudyProfileRules} first). */
    void save(UUID candidateId, SelfStudyProfile profile, Instant now) {
        Sealed landline = profile.landline() == null ? null : sealer.seal(profile.landline());
        jdbc.sql("""
                insert into self_study_profile (candidate_id, ethnicity, political_status, education, occupation,
                    mailing_address, postcode, employer, landline_key_id, landline_sealed, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (candidate_id) do update set ethnicity = excluded.ethnicity,
                    political_status = excluded.political_status, education = excluded.education,
                    occupation = excluded.occupation, mailing_address = excluded.mailing_address,
                    postcode = excluded.postcode, employer = excluded.employer,
                    landline_key_id = excluded.landline_key_id, landline_sealed = excluded.landline_sealed,
                    updated_at = excluded.updated_at""")
                .params(candidateId, profile.ethnicity(), profile.politicalStatus(), profile.education(),
                        profile.occupation(), profile.mailingAddress(), profile.postcode(), profile.employer(),
                        landline == null ? null : landline.keyId(), landline == null ? null : landline.data(),
                        Timestamp.from(now))
                .update();
    }
}
