package org.baokao.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23 §4: {@code ./baokao backup}'s copy of a running PostgreSQL (written to while it is copied) starts as a
 * server of its own with every database and every row committed before the copy ended; {@code republish} marks the
 * kept outbox rows unsent.
 */
class PostgresBackupTest {

    @TempDir
    Path temp;

    @Test
    void theCopyOfARunningClusterStartsWithEveryDatabaseAndCommittedRow() throws Exception {
        long committed;
        Path copy = temp.resolve("copy");
        try (EmbeddedPostgres source = EmbeddedPostgres.builder().setPort(freePort())
                .setServerConfig("synchronous_commit", "on").start()) {
            PostgresServer.createRoleAndDatabases(source);
            try (Connection c = source.getDatabase(PostgresServer.ROLE, "payment").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table paid (id bigserial primary key, note text)");
                s.execute("insert into paid (note) select 'before ' || i from generate_series(1, 5000) i");
            }
            // rows keep arriving while the folder is copied: the WAL written meanwhile must make the copy whole
            AtomicBoolean copying = new AtomicBoolean(true);
            AtomicLong writtenDuringCopy = new AtomicLong();
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Connection c = source.getDatabase(PostgresServer.ROLE, "payment").getConnection();
                        Statement s = c.createStatement()) {
                    while (copying.get()) {
                        s.execute("insert into paid (note) values ('during')");
                        writtenDuringCopy.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            PostgresBackup.backup(source.getPort(), copy);
            copying.set(false);
            writer.join();
            committed = 5000; // at least these; those written during the copy may or may not be in it
            assertTrue(writtenDuringCopy.get() > 0, "the copy was taken while rows were written");
        }

        assertTrue(Files.exists(copy.resolve("backup_label")));
        try (EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(copy)
                .setCleanDataDirectory(false).setPort(freePort()).start()) {
            for (String database : PostgresServer.DATABASES) {
                try (Connection c = restored.getDatabase(PostgresServer.ROLE, database).getConnection();
                        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_database()")) {
                    assertTrue(rs.next(), database);
                }
            }
            try (Connection c = restored.getDatabase(PostgresServer.ROLE, "payment").getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) filter (where note like 'before %') from paid")) {
                rs.next();
                assertEquals(committed, rs.getLong(1));
            }
        }
    }

    @Test
    void republishMarksEveryKeptOutboxRowUnsent() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(freePort()).start()) {
            PostgresServer.createRoleAndDatabases(server);
            try (Connection c = server.getDatabase(PostgresServer.ROLE, "account").getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create schema messaging");
                s.execute("create table messaging.outbox (id bigserial primary key, sent_at timestamptz)");
                s.execute("insert into messaging.outbox (sent_at) values (now()), (now()), (null)");
            }

            PostgresBackup.republish(server.getPort());

            try (Connection c = server.getDatabase(PostgresServer.ROLE, "account").getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from messaging.outbox where sent_at is null")) {
                rs.next();
                assertEquals(3, rs.getLong(1));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
