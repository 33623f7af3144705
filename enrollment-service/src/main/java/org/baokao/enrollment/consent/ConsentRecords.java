package org.baokao.enrollment.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidates' consents to partners (API-3) in {@code partner_consent}: one row per grant, closed by its revocation;
 * the standing consent is the open row (at most one per candidate, bureau and partner: a unique partial index).
 */
@Repository
class ConsentRecords {

    private final JdbcClient jdbc;

    ConsentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One grant and, once revoked, its revocation. */
    record Grant(String clientId, Instant grantedAt, Instant revokedAt) {

        boolean standing() {
            return revokedAt == null;
        }
    }

    /** Every grant of the candidate at the bureau, newest first. */
    List<Grant> of(UUID candidateId, String bureau) {
        return jdbc.sql("""
                select client_id, granted_at, revoked_at from partner_consent
                where candidate_id = ? and bureau = ? order by granted_at desc, id""")
                .params(candidateId, bureau)
                .query((row, n) -> new Grant(row.getString(1), row.getTimestamp(2).toInstant(),
                        instant(row.getTimestamp(3))))
                .list();
    }

    /** Opens a consent unless one stands already (then nothing changes: a repeated grant is the same consent). */
    void grant(UUID candidateId, String bureau, String clientId, Instant at) {
        jdbc.sql("""
                insert into partner_consent (id, candidate_id, bureau, client_id, granted_at)
                values (?, ?, ?, ?, ?)
                on conflict (candidate_id, bureau, client_id) where revoked_at is null do nothing""")
                .params(UUID.randomUUID(), candidateId, bureau, clientId, Timestamp.from(at))
                .update();
    }

    /** Closes the standing consent, if there is one. */
    void revoke(UUID candidateId, String bureau, String clientId, Instant at) {
        jdbc.sql("""
                update partner_consent set revoked_at = greatest(?, granted_at)
                where candidate_id = ? and bureau = ? and client_id = ? and revoked_at is null""")
                .params(Timestamp.from(at), candidateId, bureau, clientId)
                .update();
    }

    /**
     * Those of {@code candidates} with a standing consent to {@code clientId} at {@code bureau}. Asked also for no
     * candidate at all: a partner naming nobody waits as long as one naming someone who did not consent.
     */
    Set<UUID> consenting(Collection<UUID> candidates, String bureau, String clientId) {
        return new HashSet<>(jdbc.sql("""
                select candidate_id from partner_consent
                where candidate_id = any(cast(? as uuid[])) and bureau = ? and client_id = ? and revoked_at is null""")
                .params(uuidArray(candidates), bureau, clientId)
                .query(UUID.class).list());
    }

    /** A uuid[] literal: {id,id,...}. */
    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
