package org.baokao.account.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The examining universities (主考学校) and majors an account holds (ENR-8), one row each (table
 * {@code account_university}): a 在籍考生 import adds those of the candidate's rows (ACC-9) and never removes one.
 */
@Repository
public class AccountUniversities {

    private final JdbcClient jdbc;

    AccountUniversities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One university + major, by code. */
    public record Held(String universityCode, String majorCode) {
    }

    /** Adds a university + major to the account; false if it held it already. */
    public boolean add(UUID accountId, Held held, UUID importId, Instant at) {
        return jdbc.sql("""
                insert into account_university (account_id, university_code, major_code, import_id, created_at)
                values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(accountId, held.universityCode(), held.majorCode(), importId, Timestamp.from(at))
                .update() == 1;
    }

    /** Everything the account holds, in the order it was added. */
    public List<Held> of(UUID accountId) {
        return jdbc.sql("""
                select university_code, major_code from account_university where account_id = ?
                order by seq""")
                .param(accountId)
                .query((row, n) -> new Held(row.getString("university_code"), row.getString("major_code")))
                .list();
    }
}
