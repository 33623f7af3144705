package org.baokao.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The containers mode's PostgreSQL: the official image at the embedded binaries' version (zonky 18.6.0 is
 * PostgreSQL 18.6). The image's own user is the superuser; the service's role and database are then made as in the
 * embedded mode ({@link TestPostgres#createServiceDatabase}), so the service user is not a superuser in either mode.
 */
final class ContainerPostgres implements RunningServer {

    static final String IMAGE = "postgres:18.6";

    private final PostgreSQLContainer container;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerPostgres start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres");
        container.start();
        try (Connection superuser = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                container.getPassword())) {
            TestPostgres.createServiceDatabase(superuser);
        } catch (SQLException e) {
            container.stop();
            throw new IllegalStateException("Could not prepare the test database in the container", e);
        }
        return new ContainerPostgres(container);
    }

    @Override
    public String address() {
        return "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + TestPostgres.DATABASE;
    }

    @Override
    public void stop() {
        container.stop();
    }
}
