package org.baokao.photo.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.baokao.web.problem.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The identity comparisons (PHO-4) as rows: queued PENDING when the candidate submits a photo, in the same
 * transaction; {@code attempt} numbers a candidate's comparisons, so the third failure can send them to manual
 * review (PHO-5).
 */
@Component
public class IdentityChecks {

    private final JdbcClient jdbc;

    IdentityChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID queue(UUID candidateId, UUID photoId, Instant at) {
        UUID id = UUID.randomUUID();
        int attempt = jdbc.sql("select count(*) from identity_check where candidate_id = ?").param(candidateId)
                .query(Integer.class).single() + 1;
        jdbc.sql("""
                insert into identity_check (id, candidate_id, photo_id, status, attempt, created_at)
                values (?, ?, ?, 'PENDING', ?, ?)""")
                .params(id, candidateId, photoId, attempt, Timestamp.from(at)).update();
        return id;
    }

    /**
     * A photo being compared, or one that matched, is final: a new photo would race the comparison or undo 比对通过.
     */
    public void refuseWhileLocked(UUID candidateId) {
        String latest = jdbc.sql("""
                select status from identity_check where candidate_id = ? order by created_at desc limit 1""")
                .param(candidateId).query(String.class).optional().orElse("");
        if (latest.equals("PENDING")) {
            throw ApiProblem.conflict("IDENTITY_CHECK_PENDING", "照片正在核验中，请等待核验结果后再操作");
        }
        if (latest.equals("MATCHED")) {
            throw ApiProblem.conflict("IDENTITY_VERIFIED", "照片已比对通过，不能再更换");
        }
    }
}
