package org.baokao.account.personaldata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-10: the audit trail of operator reads of personal data. {@link #record} must join the transaction of the
 * read itself ({@link Propagation#MANDATORY}): no read commits without its row, and no row without the read.
 */
@Repository
public class PersonalDataAccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who read which of a candidate's fields, why and from where; never the values. */
    public record Access(UUID id, String operator, UUID candidateId, List<String> fields, String purpose,
            String reason, String clientAddress, Instant accessedAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String operator, UUID candidateId, List<String> fields, String purpose, String reason,
            String clientAddress) {
        jdbc.sql("""
                insert into personal_data_access (id, operator_subject, candidate_id, fields, purpose, reason,
                    client_address, accessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), operator, candidateId, String.join(",", fields), purpose, reason,
                        clientAddress, Timestamp.from(clock.instant()))
                .update();
    }

    /** A candidate's trail, newest first. */
    public List<Access> of(UUID candidateId, int limit) {
        return jdbc.sql("""
                select id, operator_subject, candidate_id, fields, purpose, reason, client_address, accessed_at
                from personal_data_access where candidate_id = ? order by accessed_at desc limit ?""")
                .params(candidateId, limit)
                .query((row, n) -> new Access(row.getObject("id", UUID.class), row.getString("operator_subject"),
                        row.getObject("candidate_id", UUID.class), List.of(row.getString("fields").split(",")),
                        row.getString("purpose"), row.getString("reason"), row.getString("client_address"),
                        row.getTimestamp("accessed_at").toInstant()))
                .list();
    }
}
