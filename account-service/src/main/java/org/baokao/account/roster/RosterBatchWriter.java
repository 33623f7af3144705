package org.baokao.account.roster;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.baokao.account.fileimport.ImportKind;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.personaldata.EventSealer;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.Masking;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the rows of one batch of a roster import, inside the batch's transaction (fileimport's ImportJobs: with the
 * refused rows and the job's counts, the exam's advisory lock held): a JDBC batch of upserts that change a row only
 * when something in it differs, and a {@link RosterEntryImported} through the outbox for every row inserted or
 * changed. ID numbers and names are sealed before the transaction starts.
 */
@Component
class RosterBatchWriter {

    /** Inserts, or updates when any roster field differs; the update count says which (1 changed, 0 not). */
    private static final String UPSERT = """
            insert into roster_entry as r (id, exam_code, id_type, id_number_hash, id_number, id_number_key,
                name, name_key, name_hash, candidate_type, college_code, college_name, major_code, major_name,
                created_at, updated_at, last_import_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (exam_code, id_type, id_number_hash) do update set
                name = excluded.name, name_key = excluded.name_key, name_hash = excluded.name_hash,
                candidate_type = excluded.candidate_type,
                college_code = excluded.college_code, college_name = excluded.college_name,
                major_code = excluded.major_code, major_name = excluded.major_name,
                updated_at = excluded.updated_at, last_import_id = excluded.last_import_id
            where (r.name_hash, r.candidate_type, r.college_code, r.college_name, r.major_code, r.major_name)
                is distinct from (excluded.name_hash, excluded.candidate_type, excluded.college_code,
                                  excluded.college_name, excluded.major_code, excluded.major_name)""";

    private final JdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final LookupHasher hasher;
    private final Outbox outbox;
    /** Seals the name for the event (issue 23 §5): enrollment-service opens it with the same event keys. */
    private final EventSealer eventKeys;
    private final Clock clock;

    RosterBatchWriter(JdbcTemplate jdbc, PersonalDataProtector protector, LookupHasher hasher, Outbox outbox,
            EventSealer eventKeys, Clock clock) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.hasher = hasher;
        this.outbox = outbox;
        this.eventKeys = eventKeys;
        this.clock = clock;
    }

    /** {@code rows} (checked) of the roster of {@code examCode}, sealed, ready to be written. */
    ImportKind.PreparedBatch prepare(String examCode, List<RosterRow> rows) {
        List<Prepared> prepared = new ArrayList<>(rows.size());
        for (RosterRow row : rows) {
            prepared.add(prepare(row));
        }
        return importId -> write(importId, examCode, prepared);
    }

    private ImportKind.Written write(UUID importId, String examCode, List<Prepared> prepared) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, UUID> existing = existingIds(examCode, prepared);
        for (Prepared row : prepared) {
            UUID id = existing.get(row.key());
            row.id = id != null ? id : UUID.randomUUID();
            row.existed = id != null;
        }
        int[] changed = prepared.isEmpty() ? new int[0] : upsert(importId, examCode, prepared, now);
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (int i = 0; i < prepared.size(); i++) {
            Prepared row = prepared.get(i);
            if (changed[i] == 0) {
                unchanged++;
                continue;
            }
            if (row.existed) {
                updated++;
            } else {
                inserted++;
            }
            RosterRow value = row.row;
            outbox.publish(RosterEntryImported.sealed(row.id, examCode, value.idType().code(), row.idNumberHash,
                    Masking.idNumber(value.idNumber()), eventKeys.seal(value.name()), value.candidateType().code(),
                    value.collegeCode(), value.collegeName(), value.majorCode(), value.majorName()));
        }
        return new ImportKind.Written(inserted, updated, unchanged);
    }

    private Prepared prepare(RosterRow row) {
        Prepared prepared = new Prepared(row, hasher.hash(row.idNumber()));
        prepared.idNumber = protector.seal(row.idNumber());
        prepared.name = protector.seal(row.name());
        prepared.nameHash = nameHash(row.name());
        return prepared;
    }

    /** Tells a changed name from an unchanged one without opening the stored name; keyed, like every look-up hash. */
    String nameHash(String name) {
        return hasher.hash("roster-name:" + name);
    }

    private Map<String, UUID> existingIds(String examCode, List<Prepared> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        String[] types = new String[rows.size()];
        String[] hashes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            types[i] = rows.get(i).row.idType().code();
            hashes[i] = rows.get(i).idNumberHash;
        }
        Map<String, UUID> ids = new HashMap<>();
        jdbc.query((Connection connection) -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select r.id_type, r.id_number_hash, r.id
                    from unnest(?::varchar[], ?::bpchar[]) as k(id_type, id_number_hash)
                    join roster_entry r on r.exam_code = ? and r.id_type = k.id_type
                                       and r.id_number_hash = k.id_number_hash""");
            Array typeArray = connection.createArrayOf("varchar", types);
            Array hashArray = connection.createArrayOf("bpchar", hashes);
            statement.setArray(1, typeArray);
            statement.setArray(2, hashArray);
            statement.setString(3, examCode);
            return statement;
        }, resultSet -> {
            ids.put(resultSet.getString(1) + ':' + resultSet.getString(2), resultSet.getObject(3, UUID.class));
        });
        return ids;
    }

    private int[] upsert(UUID importId, String examCode, List<Prepared> rows, Timestamp now) {
        return jdbc.batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Prepared row = rows.get(i);
                RosterRow value = row.row;
                statement.setObject(1, row.id);
                statement.setString(2, examCode);
                statement.setString(3, value.idType().code());
                statement.setString(4, row.idNumberHash);
                statement.setBytes(5, row.idNumber.data());
                statement.setString(6, row.idNumber.keyId());
                statement.setBytes(7, row.name.data());
                statement.setString(8, row.name.keyId());
                statement.setString(9, row.nameHash);
                statement.setString(10, value.candidateType().code());
                statement.setString(11, value.collegeCode());
                statement.setString(12, value.collegeName());
                statement.setString(13, value.majorCode());
                statement.setString(14, value.majorName());
                statement.setTimestamp(15, now);
                statement.setTimestamp(16, now);
                statement.setObject(17, importId);
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** A checked row with what the database needs; id and existed are known once the batch's lock is held. */
    private static final class Prepared {
        final RosterRow row;
        final String idNumberHash;
        Sealed idNumber;
        Sealed name;
        String nameHash;
        UUID id;
        boolean existed;

        Prepared(RosterRow row, String idNumberHash) {
            this.row = row;
            this.idNumberHash = idNumberHash;
        }

        String key() {
            return row.idType().code() + ':' + idNumberHash;
        }
    }
}
