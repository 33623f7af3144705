package org.baokao.account.roster;

import java.util.Optional;

import org.baokao.account.identity.IdType;
import org.baokao.personaldata.LookupHasher;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roster gate of registration (ACC-3): is this ID on the exam's roster? Found by the keyed hash of the
 * normalized number ({@code IdDocument.number()}), never by decrypting the stored numbers.
 */
@Component
public class RosterLookup {

    private final JdbcClient jdbc;
    private final PersonalDataProtector protector;
    private final LookupHasher hasher;

    RosterLookup(JdbcClient jdbc, PersonalDataProtector protector, LookupHasher hasher) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.hasher = hasher;
    }

    /**
     * The roster entry of {@code examCode} for this document, or empty when the roster does not list it.
     *
     * @param normalizedNumber the number as {@code IdDocument.parse(...).number()} returns it
     */
    public Optional<RosterEntry> find(String examCode, IdType type, String normalizedNumber) {
        if (examCode == null || type == null || normalizedNumber == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, exam_code, id_type, candidate_type, college_code, college_name, major_code, major_name,
                       name, name_key
                from roster_entry
                where exam_code = ? and id_type = ? and id_number_hash = ?""")
                .params(examCode, type.code(), hasher.hash(normalizedNumber))
                .query((row, n) -> new RosterEntry(
                        row.getObject("id", java.util.UUID.class),
                        row.getString("exam_code"),
                        IdType.valueOf(row.getString("id_type")),
                        CandidateType.valueOf(row.getString("candidate_type")),
                        row.getString("college_code"),
                        row.getString("college_name"),
                        row.getString("major_code"),
                        row.getString("major_name"),
                        protector.open(new Sealed(row.getString("name_key"), row.getBytes("name")))))
                .optional();
    }
}
