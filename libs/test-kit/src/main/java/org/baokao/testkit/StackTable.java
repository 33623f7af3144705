package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local stack's components as {@code infra/stack/components.txt} lists them, the file {@code ./baokao} starts
 * them from: name, kind ({@code infra} or {@code app}), ports, start timeout and jar. System tests and benchmarks
 * take every address of the running stack from here, so a port is written in one place.
 */
public final class StackTable {

    /** The table, relative to the repository's root. */
    public static final String FILE = "infra/stack/components.txt";

    /** One row. The first port is the one clients use; a second is Kafka's controller or Keycloak's management. */
    public record Component(String name, String kind, List<Integer> ports, int startTimeoutSeconds, String jar) {

        public int port() {
            return ports.getFirst();
        }

        /** {@code http://localhost:PORT}, as the stack is reached on this machine. */
        public String url() {
            return "http://localhost:" + port();
        }

        public boolean isApp() {
            return kind.equals("app");
        }
    }

    private static StackTable local;

    private final List<Component> components;

    private StackTable(List<Component> components) {
        this.components = List.copyOf(components);
    }

    /** The table of the repository these tests run in (read once). */
    public static synchronized StackTable local() {
        if (local == null) {
            local = read(repository().resolve(FILE));
        }
        return local;
    }

    /** Shorthand for {@code local().component(name).url()}. */
    public static String urlOf(String name) {
        return local().component(name).url();
    }

    /** Shorthand for {@code local().component(name).port()}. */
    public static int portOf(String name) {
        return local().component(name).port();
    }

    public static StackTable read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's component table " + file, e);
        }
    }

    /** Columns separated by white space; {@code #} starts a comment; blank lines do not count. */
    static StackTable parse(List<String> lines) {
        List<Component> components = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String row = lines.get(n).replaceFirst("#.*", "").strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] columns = row.split("\\s+");
            try {
                if (columns.length != 5) {
                    throw new IllegalArgumentException("5 columns expected (name kind ports timeout jar)");
                }
                if (!columns[1].equals("infra") && !columns[1].equals("app")) {
                    throw new IllegalArgumentException("kind is infra or app, not " + columns[1]);
                }
                List<Integer> ports = Arrays.stream(columns[2].split(",")).map(Integer::valueOf).toList();
                components.add(new Component(columns[0], columns[1], ports, Integer.parseInt(columns[3]), columns[4]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + " line " + (n + 1) + ": " + e.getMessage() + ": " + row, e);
            }
        }
        return new StackTable(components);
    }

    public List<Component> components() {
        return components;
    }

    /** The Spring Boot applications, in start order (the gateway last). */
    public List<Component> apps() {
        return components.stream().filter(Component::isApp).toList();
    }

    public Component component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + name + " in " + FILE + "; one of "
                        + components.stream().map(Component::name).toList()));
    }

    /**
     * The repository's root: system property {@code baokao.home} (the system tests' pom sets it), else the first
     * folder holding the table from the working directory up (a module's folder when Maven runs its tests).
     */
    public static Path repository() {
        String home = System.getProperty("baokao.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + FILE + " in " + start + " or above: run from inside the repository "
                + "or set -Dbaokao.home=REPOSITORY");
    }
}
