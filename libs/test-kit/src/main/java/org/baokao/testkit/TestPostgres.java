package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's packaged binaries) on a free port, started once per test JVM. It keeps zonky's
 * fast settings (synchronous_commit off): its data is thrown away with the JVM, so a lost last commit on a crash
 * costs nothing. The local stack's server ({@code infra/stack PostgresServer}) runs durable (issue 23 §4).
 */
final class TestPostgres implements RunningServer {

    static final String DATABASE = "baokao_test";
    static final String USER = "baokao";
    static final String PASSWORD = "baokao";

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static TestPostgres start() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                createServiceDatabase(connection);
            }
            return new TestPostgres(server);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test database", e);
        }
    }

    /**
     * As the superuser: the service's role, a plain login role as in production (not a superuser), and its database.
     * The containers mode ({@link ContainerPostgres}) prepares its server with this too.
     */
    static void createServiceDatabase(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            statement.execute("create database " + DATABASE + " owner " + USER);
        }
    }

    @Override
    public String address() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
