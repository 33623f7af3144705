package org.baokao.enrollment.partnerapi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Pages of one exam's enrollments for partners (API-1), in the order of the key ({@code inserted_xid}, {@code id}):
 * the inserting transaction's id, then the enrollment id.
 *
 * <p>Why that key, and why a page ends where it does: a walk must never return a row twice and never miss one. Keyset
 * paging over a key a row keeps for ever already gives "never twice" and "never misses a row that was there when the
 * walk began". But a key taken at insert time (a timestamp, a sequence) is not in commit order: a transaction that
 * took key 5 may commit after one that took key 6 was returned, and a cursor past 6 would never see 5. So a page only
 * reaches rows whose transaction id is below the {@link Snapshot#watermark()}, the oldest transaction still running:
 * every transaction below it has ended, so no row can ever be added behind a cursor. And a walk covers only the
 * transactions that had begun when it began (below its {@link Snapshot#horizon()}), so it ends even while
 * enrollments keep coming; the newer ones are for the next walk, which may start from where this one ended. The
 * price: a row shows up only once every transaction that began before its own has ended (milliseconds here; a long
 * transaction anywhere in the database cluster holds the page end back while it runs). In exchange a cursor is exact
 * for good: coming back later from the last cursor returns exactly the enrollments committed since.
 */
@Repository
class PartnerEnrollmentPages {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector sealer;

    PartnerEnrollmentPages(NamedParameterJdbcTemplate jdbc, PersonalDataProtector sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /**
     * The database's transactions as of now: every transaction id below {@code watermark} has ended (committed or
     * rolled back), and none at or above {@code horizon} had begun.
     */
    record Snapshot(long watermark, long horizon) {
    }

    Snapshot snapshot() {
        return jdbc.getJdbcTemplate().queryForObject("""
                select pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text from pg_current_snapshot() s""",
                (row, n) -> new Snapshot(Long.parseLong(row.getString(1)), Long.parseLong(row.getString(2))));
    }

    /** One enrollment as a partner's list shows it; {@code name} in clear (the roster's), null if not held. */
    record Row(UUID id, long xid, String status, String track, Instant registeredAt, Instant confirmedAt,
            Instant completedAt, String idType, String idNumberMasked, String name, UUID candidateId) {

        /** Never prints the name. */
        @Override
        public String toString() {
            return "Row[id=" + id + ", xid=" + xid + ", status=" + status + "]";
        }
    }

    /**
     * Up to {@code fetch} enrollments of the exam after {@code after} in key order, inserted by transactions below
     * {@code end} (at most the watermark: all of them ended), matching the query's filters.
     */
    List<Row> rows(UUID examId, EnrollmentPageQuery query, EnrollmentCursor after, long end, int fetch) {
        Map<String, Object> params = new HashMap<>();
        params.put("examId", examId);
        params.put("xid", Long.toString(after.xid()));
        params.put("id", after.id());
        params.put("end", Long.toString(end));
        params.put("fetch", fetch);
        StringBuilder where = new StringBuilder("""
                e.exam_id = :examId
                  and (e.inserted_xid, e.id) > (cast(:xid as xid8), :id)
                  and e.inserted_xid < cast(:end as xid8)""");
        if (query.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", query.status().name());
        }
        if (query.registeredFrom() != null) {
            where.append(" and e.created_at >= :from");
            params.put("from", Timestamp.from(query.registeredFrom()));
        }
        if (query.registeredTo() != null) {
            where.append(" and e.created_at < :to");
            params.put("to", Timestamp.from(query.registeredTo()));
        }
        return jdbc.query("""
                select e.id, e.inserted_xid::text as xid, e.status, e.track, e.created_at, e.confirmed_at,
                       e.completed_at, e.candidate_id, c.id_type, c.id_number_masked, r.name_key_id, r.name_sealed
                from enrollment e
                left join candidate c on c.candidate_id = e.candidate_id
                left join roster_entry r on r.roster_entry_id = c.roster_entry_id
                where """ + " " + where + """

                order by e.inserted_xid, e.id
                limit :fetch""", params, (row, n) -> new Row(row.getObject("id", UUID.class),
                Long.parseLong(row.getString("xid")), row.getString("status"), row.getString("track"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("confirmed_at")),
                instant(row.getTimestamp("completed_at")), row.getString("id_type"),
                row.getString("id_number_masked"), name(row.getString("name_key_id"), row.getBytes("name_sealed")),
                row.getObject("candidate_id", UUID.class)));
    }

    private String name(String keyId, byte[] sealed) {
        return keyId == null ? null : sealer.open(new Sealed(keyId, sealed));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
