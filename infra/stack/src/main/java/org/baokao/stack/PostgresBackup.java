package org.baokao.stack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local stack's PostgreSQL backed up and brought back for {@code ./baokao backup} and {@code ./baokao restore}
 * (issue 23 §4; docs/LOCAL-STACK.md "Backup and restore").
 *
 * <p>Why a physical copy and not {@code pg_dump}: zonky's bundle carries only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}, and the distribution's client tools are older than the server (Debian 12: PostgreSQL 15;
 * {@code pg_dump} refuses a newer server). PostgreSQL's own low-level backup API needs no client tool: between
 * {@code pg_backup_start} and {@code pg_backup_stop} the data directory is copied while the server runs, and the
 * WAL written meanwhile makes the copy consistent when the restored server starts (it replays the WAL from the
 * {@code backup_label}). One copy of the cluster is one instant of all databases at once: an event an outbox
 * marked sent and the inbox row of its consumer come back together, or not at all.
 *
 * <p>Commands (the superuser {@code postgres}, trusted on localhost as zonky's {@code initdb} sets it up):
 * <ul>
 * <li>{@code backup TARGET}: copies the running cluster into the new folder {@code TARGET} (a data directory with
 * its {@code backup_label} and the WAL it needs), prints the PostgreSQL major version</li>
 * <li>{@code republish}: after a restore, marks the outbox rows of every service database unsent, so the relays
 * publish them again to a broker that does not have them; consumers' inboxes drop those they already applied</li>
 * </ul>
 * System property {@code baokao.postgres.port} (default 15432).
 */
public final class PostgresBackup {

    /** Not copied (PostgreSQL's documentation, "Making a Base Backup Using the Low Level API"): rebuilt at start. */
    private static final Set<String> EMPTIED_FOLDERS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "pg_internal.init", "current_logfiles");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private PostgresBackup() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("baokao.postgres.port", 15432);
        if (args.length == 2 && args[0].equals("backup")) {
            backup(port, Path.of(args[1]).toAbsolutePath());
        } else if (args.length == 1 && args[0].equals("republish")) {
            republish(port);
        } else {
            System.err.println("usage: PostgresBackup backup TARGET | republish");
            System.exit(2);
        }
    }

    static void backup(int port, Path target) throws SQLException, IOException {
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already");
        }
        // one session from start to stop: a non-exclusive backup ends with the session that began it
        try (Connection c = connect(port, "postgres"); Statement s = c.createStatement()) {
            Path dataDir = Path.of(single(s, "show data_directory"));
            String startWal = single(s, "select pg_walfile_name(lsn) from pg_backup_start('baokao backup', true) lsn");
            copyDataDirectory(dataDir, target);
            // PostgreSQL refuses a data folder others may read
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            String label;
            String tablespaceMap;
            try (ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                rs.next();
                label = rs.getString(1);
                tablespaceMap = rs.getString(2);
            }
            // closes the segment holding the backup's end, so the copy below holds it whole and flushed
            s.execute("select pg_switch_wal()");
            String lastWal = single(s, "select pg_walfile_name(pg_current_wal_lsn())");
            Files.writeString(target.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
            }
            int segments = copyWal(dataDir.resolve("pg_wal"), target.resolve("pg_wal"), startWal, lastWal);
            System.out.println(Files.readString(target.resolve("PG_VERSION")).trim());
            System.err.printf("PostgreSQL copied: WAL %s..%s (%d segments)%n", startWal, lastWal, segments);
        }
    }

    /** Everything but what the server rebuilds; files that vanish meanwhile (temporary ones) are skipped. */
    static void copyDataDirectory(Path dataDir, Path target) throws IOException {
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = dataDir.relativize(dir);
                Files.createDirectories(target.resolve(relative.toString()));
                if (relative.getNameCount() == 1 && EMPTIED_FOLDERS.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("pg_wal/archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return dir.getFileName().toString().startsWith("pgsql_tmp") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(dataDir.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException vanished) {
                    // dropped while we walked: the WAL replay knows
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The segments from the backup's start to the current one (recycled future segments sort after it). */
    static int copyWal(Path walDir, Path target, String first, String last) throws IOException {
        int copied = 0;
        try (var files = Files.list(walDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches() && name.compareTo(first) >= 0
                        && name.compareTo(last) <= 0;
                if (segment || name.endsWith(".history")) {
                    Files.copy(file, target.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    copied += segment ? 1 : 0;
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no WAL segment between " + first + " and " + last + " in " + walDir);
        }
        return copied;
    }

    /** Every sent outbox row of every service database to be sent again (issue 23 §4: Kafka is not restored). */
    static void republish(int port) throws SQLException {
        for (String database : PostgresServer.DATABASES) {
            try (Connection c = connect(port, database); Statement s = c.createStatement()) {
                if (single(s, "select to_regclass('messaging.outbox')") == null) {
                    continue; // the sandbox has no outbox
                }
                int rows = s.executeUpdate("update messaging.outbox set sent_at = null where sent_at is not null");
                System.out.printf("  %-13s %d outbox events to publish again%n", database, rows);
            }
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
