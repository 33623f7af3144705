package org.baokao.payment.bureau;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.baokao.web.bureau.BureauProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bureaus payment-service knows (table {@code bureau}), kept from enrollment-service's BureauConfigured. */
@Repository
public class Bureaus {

    private final JdbcClient jdbc;
    private final String defaultBureau;

    Bureaus(JdbcClient jdbc, BureauProperties bureaus) {
        this.jdbc = jdbc;
        this.defaultBureau = bureaus.defaultCode();
    }

    /** The bureau an event is for: events from before bureaus name none and were all the default bureau's. */
    public String bureauOf(String code) {
        return code == null || code.isBlank() ? defaultBureau : code;
    }

    /** The bureau, once its configuration has arrived. */
    public Optional<Bureau> find(String code) {
        return jdbc.sql("select code, name from bureau where code = ?").param(code)
                .query((row, n) -> new Bureau(row.getString("code"), row.getString("name")))
                .optional();
    }

    /**
     * Keeps the bureau's name as of {@code configuredAt} unless a later configuration is held (events of one bureau
     * may arrive out of order after a replay); answers whether it was kept. In the caller's transaction.
     */
    boolean keep(String code, String name, Instant configuredAt) {
        return jdbc.sql("""
                insert into bureau (code, name, configured_at) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, configured_at = excluded.configured_at
                where bureau.configured_at <= excluded.configured_at""")
                .params(code, name, Timestamp.from(configuredAt))
                .update() > 0;
    }
}
