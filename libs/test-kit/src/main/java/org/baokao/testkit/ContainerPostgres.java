package org.baokao.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The containers mode's PostgreSQL: the official image at the embedded binaries' version (zonky 18.6.0 is
 * PostgreSQL 18.6), with {@link TestPostgres}'s database, user and password, so {@link TestServers} answers the same.
 */
final class ContainerPostgres implements RunningServer {

    static final String IMAGE = "postgres:18.6";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName(TestPostgres.DATABASE)
                .withUsername(TestPostgres.USER)
                .withPassword(TestPostgres.PASSWORD);
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String address() {
        return container.getJdbcUrl();
    }

    @Override
    public void stop() {
        container.stop();
    }
}
