package org.baokao.account.candidates;

import java.util.List;
import java.util.UUID;

import org.baokao.account.account.Accounts;
import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the accounts made before the name hash (V17) theirs, so that 考生查询 by name finds them too: the hash needs
 * the lookup key, which only the service holds, so SQL could not do it. Runs once the service is up, in batches,
 * in the background; a row is written only while it still has no hash (several instances may run it at once).
 */
@Component
class NameHashBackfill {

    private static final Logger log = LoggerFactory.getLogger(NameHashBackfill.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PersonalDataProtector protector;

    NameHashBackfill(JdbcClient jdbc, Accounts accounts, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.protector = protector;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("name-hash-backfill").start(this::run);
    }

    /** Hashes every name still without its hash; the number of rows given one. */
    int run() {
        int done = 0;
        try {
            while (true) {
                List<Row> rows = jdbc.sql("""
                        select id, name_sealed, sealed_with from candidate_account
                        where name_hash is null and name_sealed is not null limit ?""")
                        .param(BATCH)
                        .query((row, n) -> new Row(row.getObject("id", UUID.class), row.getBytes("name_sealed"),
                                row.getString("sealed_with")))
                        .list();
                if (rows.isEmpty()) {
                    break;
                }
                for (Row row : rows) {
                    String name = protector.open(new Sealed(row.keyId(), row.name()));
                    done += jdbc.sql("update candidate_account set name_hash = ? where id = ? and name_hash is null")
                            .params(accounts.nameHash(name), row.id()).update();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Name hashes of older accounts not all written ({} done); the next start goes on", done, e);
        }
        if (done > 0) {
            log.info("Name hashes written for {} older accounts", done);
        }
        return done;
    }

    private record Row(UUID id, byte[] name, String keyId) {
    }
}
