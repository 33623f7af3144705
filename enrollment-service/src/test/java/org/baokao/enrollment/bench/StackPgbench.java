package org.baokao.enrollment.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.baokao.testkit.StackTable;

/**
 * PostgreSQL's own {@code pgbench -b simple-update} against the local stack's server, what the benchmarks put their
 * figures next to: on a scratch database of that server (scale 10), dropped afterwards. Also the stack's server as
 * its superuser, for a benchmark's own set-up (trusted on loopback: the services' role may not create databases).
 * The binary: {@code -Dbench.pgbench=...}, else the newest Debian PostgreSQL's, else {@code pgbench} on the PATH.
 */
final class StackPgbench {

    static final int PORT = StackTable.portOf("postgres");
    private static final String SCRATCH = "baokao_pgbench";

    record Result(double tps, double latencyAverageMillis) {
    }

    private StackPgbench() {
    }

    /** {@code clients} clients on {@code threads} threads for {@code duration}. */
    static Result simpleUpdate(int clients, int threads, Duration duration)
            throws IOException, InterruptedException, SQLException {
        String binary = binary();
        execute("postgres", "drop database if exists " + SCRATCH);
        execute("postgres", "create database " + SCRATCH + " owner baokao");
        try {
            run(List.of(binary, "-i", "-q", "-s", "10", SCRATCH));
            String output = run(List.of(binary, "-b", "simple-update", "-c", Integer.toString(clients), "-j",
                    Integer.toString(threads), "-T", Long.toString(duration.toSeconds()), SCRATCH));
            return new Result(number(output, "tps = ([0-9.]+)"), number(output, "latency average = ([0-9.]+) ms"));
        } finally {
            execute("postgres", "drop database if exists " + SCRATCH);
        }
    }

    /** A connection to {@code database} of the stack's server as its superuser. */
    static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + PORT + "/" + database, "postgres", "");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = superuser(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String binary() throws IOException {
        String configured = System.getProperty("bench.pgbench");
        if (configured != null) {
            return configured;
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(version -> version.resolve("bin/pgbench")).filter(Files::isExecutable)
                        .max(Comparator.naturalOrder()).map(Path::toString).orElse("pgbench");
            }
        }
        return "pgbench";
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.addAll(1, List.of("-h", "127.0.0.1", "-p", Integer.toString(PORT), "-U", "baokao"));
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "baokao");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
        return output;
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no match for " + regex + " in pgbench's output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
