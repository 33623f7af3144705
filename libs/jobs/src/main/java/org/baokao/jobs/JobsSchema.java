package org.baokao.jobs;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The jobs table lives in the service's database, schema {@code jobs}, with its own migration history. */
public final class JobsSchema {

    public static final String SCHEMA = "jobs";
    public static final String TABLE = SCHEMA + ".scheduled_tasks";

    private JobsSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .table("flyway_jobs_history")
                .locations("classpath:db/jobs")
                .load()
                .migrate();
    }
}
