package org.baokao.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the {@code messaging} schema (outbox, inbox, dead letters) with its own history
 * table, so the library's migrations never interleave with the service's.
 */
public final class MessagingSchema {

    public static final String SCHEMA = "messaging";

    private MessagingSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .table("flyway_messaging_history")
                .locations("classpath:db/messaging")
                .load()
                .migrate();
    }
}
