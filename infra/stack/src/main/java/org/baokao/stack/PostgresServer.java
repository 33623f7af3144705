package org.baokao.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL 18 for the local stack, from zonky's embedded binaries, with its data kept across restarts and
 * durable commits (fsync, synchronous commit and full-page writes on); the test kit's throw-away server keeps
 * zonky's fast settings.
 *
 * <p>zonky extracts the binaries, runs {@code initdb} once (when the data directory has no
 * {@code postgresql.conf}) and starts the postmaster with {@code pg_ctl}. When the user is root, zonky runs
 * every PostgreSQL binary under {@code unshare -U}: inside that user namespace the process is not uid 0, so
 * {@code initdb}/{@code postgres} accept to run, while the kernel still checks file access as the real user.
 *
 * <p>{@code pg_ctl} puts the postmaster in its own session, so it is not a child that dies with this JVM:
 * zonky's shutdown hook stops it ({@code pg_ctl stop -m fast}) on SIGTERM, and {@code ./baokao down} also
 * signals the postmaster named in {@code postmaster.pid} if it is still there. This JVM stays alive as
 * long as the postmaster does, and exits non-zero if the postmaster goes away on its own.
 *
 * <p>System properties: {@code baokao.postgres.data} (data directory, default {@code .baokao/data/postgres}),
 * {@code baokao.postgres.binaries} (where the binaries are extracted, default {@code .baokao/postgres}),
 * {@code baokao.postgres.port} (default 15432), {@code baokao.postgres.ready} (file written once the
 * databases exist; the script's health check reads it).
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /** One database per service (ARCHITECTURE.md: no service reads another's tables), plus the sandbox's. */
    static final List<String> DATABASES = List.of("account", "enrollment", "photo", "payment", "notification", "sandbox");
    static final String ROLE = "baokao";
    static final String PASSWORD = "baokao";

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("baokao.postgres.data", ".baokao/data/postgres")).toAbsolutePath();
        Path binaries = Path.of(System.getProperty("baokao.postgres.binaries", ".baokao/postgres")).toAbsolutePath();
        Path readyFile = Path.of(System.getProperty("baokao.postgres.ready", ".baokao/run/postgres.ready")).toAbsolutePath();
        int port = Integer.getInteger("baokao.postgres.port", 15432);

        Files.deleteIfExists(readyFile);
        if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
            // zonky's way around PostgreSQL's refusal to run as root is `unshare -U`; without it initdb fails
            log.error("running as root, but `unshare -U` (user namespaces) is not available: PostgreSQL refuses "
                    + "to run as root. Run ./baokao as a normal user, or allow user namespaces.");
            System.exit(2);
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(binaries);

        long started = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)          // keep the data: this is not a throw-away test database
                .setOverrideWorkingDirectory(binaries.toFile()) // not /tmp: survives tmp cleaners, one copy per checkout
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60)) // a first start (extract + initdb) on 2 busy cores
                .setServerConfig("listen_addresses", "localhost")
                // Durable (issue 23 §4): the stack holds real data across restarts and crashes. zonky's builder
                // defaults to synchronous_commit=off (a crash loses the last commits); fsync and full_page_writes
                // are PostgreSQL's defaults, set here so that no builder default can turn them off unseen.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // the postmaster writes its log straight to our stdout (= the log file), even after this JVM dies
                .setOutputRedirector(Redirect.INHERIT)
                .setErrorRedirector(Redirect.INHERIT)
                .start();
        createRoleAndDatabases(postgres);
        long postmasterPid = postmasterPid(dataDir).orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + dataDir));
        Files.createDirectories(readyFile.getParent());
        Files.writeString(readyFile, ProcessHandle.current().pid() + " " + postmasterPid + "\n");
        log.info("PostgreSQL ready on port {} (postmaster pid {}, data {}) in {} ms; databases {} owned by {}",
                port, postmasterPid, dataDir, (System.nanoTime() - started) / 1_000_000, DATABASES, ROLE);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException ignored) {
                // best effort: the script also checks the process and the port
            }
        }, "postgres-ready-file"));

        // Stay alive while the postmaster is; if it dies on its own, say so and exit so `status` shows it.
        ProcessHandle.of(postmasterPid).ifPresent(p -> p.onExit().join());
        log.error("the postmaster (pid {}) has exited; see the lines above", postmasterPid);
        Files.deleteIfExists(readyFile);
        System.exit(1);
    }

    /** Idempotent: creates the role and the databases only when missing, so a restart keeps everything. */
    static void createRoleAndDatabases(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", ROLE)) {
                s.execute("create role " + ROLE + " login password '" + PASSWORD + "'");
                log.info("created role {}", ROLE);
            }
            for (String db : DATABASES) {
                if (!exists(c, "select 1 from pg_database where datname = ?", db)) {
                    s.execute("create database " + db + " owner " + ROLE);
                    log.info("created database {}", db);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The first line of postmaster.pid is the postmaster's pid (PostgreSQL's documented format). */
    static Optional<Long> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
    }
}
