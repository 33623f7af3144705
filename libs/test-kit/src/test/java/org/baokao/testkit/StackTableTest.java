package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * infra/stack/components.txt as the test kit reads it, and the applications' own configuration agreeing with it:
 * the table is where a port is written, so a port changed there must not leave an application behind.
 */
class StackTableTest {

    private static final Path ROOT = StackTable.repository();
    /** Build output, dependencies and the stack's state: no configuration of ours in there. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", "dist", ".baokao", ".git");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d{2,5})");

    @Test
    void readsRowsSkippingCommentsAndBlankLines() {
        StackTable table = StackTable.parse(List.of(
                "# name kind ports timeout jar",
                "",
                "kafka      infra  9092,9093   120   -      # the broker",
                "   gateway  app  8080  240  gateway/target/gateway.jar"));

        assertThat(table.components()).extracting(StackTable.Component::name).containsExactly("kafka", "gateway");
        assertThat(table.component("kafka").ports()).containsExactly(9092, 9093);
        assertThat(table.component("kafka").port()).isEqualTo(9092);
        assertThat(table.component("kafka").isApp()).isFalse();
        assertThat(table.component("gateway").url()).isEqualTo("http://localhost:8080");
        assertThat(table.component("gateway").startTimeoutSeconds()).isEqualTo(240);
        assertThat(table.component("gateway").jar()).isEqualTo("gateway/target/gateway.jar");
        assertThat(table.apps()).extracting(StackTable.Component::name).containsExactly("gateway");
    }

    @Test
    void refusesARowItCannotRead() {
        assertThatThrownBy(() -> StackTable.parse(List.of("", "gateway app 8080 240")))
                .hasMessageContaining("line 2").hasMessageContaining("5 columns");
        assertThatThrownBy(() -> StackTable.parse(List.of("gateway service 8080 240 g.jar")))
                .hasMessageContaining("kind is infra or app");
        assertThatThrownBy(() -> StackTable.parse(List.of("gateway app eighty 240 g.jar")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> StackTable.parse(List.of("gateway app 8080 240 g.jar")).component("gw"))
                .hasMessageContaining("[gateway]");
    }

    @Test
    void eachApplicationListensOnItsRowsPort() throws IOException {
        for (StackTable.Component app : StackTable.local().apps()) {
            Path module = ROOT.resolve(app.jar().substring(0, app.jar().indexOf("/target/")));
            Object port = null;
            try (var in = Files.newInputStream(module.resolve("src/main/resources/application.yml"))) {
                // the first document: the others are profiles' (the gateway's has one for docker)
                Object first = new Yaml().loadAll(in).iterator().next();
                if (first instanceof Map<?, ?> config && config.get("server") instanceof Map<?, ?> server) {
                    port = server.get("port");
                }
            }

            assertThat(port).as("server.port of %s (%s)", app.name(), module).isEqualTo(app.port());
        }
    }

    /** The sandbox's second port is its SMTP server: where it listens and where notification-service sends. */
    @Test
    void theSandboxsSmtpServerIsAtItsRowsSecondPortWhereNotificationServiceSendsMail() throws IOException {
        int smtpPort = StackTable.local().component("sandbox").ports().get(1);

        Map<?, ?> sandbox = firstDocument(ROOT.resolve("infra/sandbox/src/main/resources/application.yml"));
        Map<?, ?> notification = firstDocument(ROOT.resolve("notification-service/src/main/resources/application.yml"));

        assertThat(at(sandbox, "sandbox", "mail", "smtp-port")).as("sandbox.mail.smtp-port").isEqualTo(smtpPort);
        assertThat(at(notification, "spring", "mail", "port")).as("notification-service's spring.mail.port")
                .isEqualTo(smtpPort);
        assertThat(at(notification, "spring", "mail", "host")).isEqualTo("localhost");
    }

    private static Map<?, ?> firstDocument(Path yaml) throws IOException {
        try (var in = Files.newInputStream(yaml)) {
            return (Map<?, ?>) new Yaml().loadAll(in).iterator().next();
        }
    }

    private static Object at(Map<?, ?> config, String... path) {
        Object node = config;
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    /**
     * The local stack's Prometheus (issue 24) scrapes every application of the table, each under its name as job
     * (the dashboards' {@code service} label) at its row's port, and itself at its own row's port.
     */
    @Test
    void theLocalPrometheusScrapesEveryApplicationAtItsRowsPort() throws IOException {
        Map<?, ?> config = firstDocument(ROOT.resolve("infra/prometheus/prometheus-local.yml"));
        Map<String, List<String>> targetsByJob = new java.util.LinkedHashMap<>();
        for (Object job : (List<?>) config.get("scrape_configs")) {
            Map<?, ?> scrape = (Map<?, ?>) job;
            List<String> targets = new ArrayList<>();
            for (Object group : (List<?>) scrape.get("static_configs")) {
                for (Object target : (List<?>) ((Map<?, ?>) group).get("targets")) {
                    targets.add((String) target);
                }
            }
            targetsByJob.put((String) scrape.get("job_name"), targets);
        }

        for (StackTable.Component app : StackTable.local().apps()) {
            assertThat(targetsByJob.get(app.name())).as("targets of job %s", app.name())
                    .containsExactly("localhost:" + app.port());
        }
        assertThat(targetsByJob.get("prometheus")).containsExactly("localhost:" + StackTable.portOf("prometheus"));
    }

    @Test
    void everyLocalAddressInTheConfigurationIsAComponentsPort() throws IOException {
        Set<Integer> ports = StackTable.local().components().stream().flatMap(c -> c.ports().stream())
                .collect(Collectors.toSet());
        List<String> strangers = new ArrayList<>();
        for (Path file : configurationFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int n = 0; n < lines.size(); n++) {
                Matcher address = LOCAL_ADDRESS.matcher(lines.get(n));
                while (address.find()) {
                    if (!ports.contains(Integer.parseInt(address.group(1)))) {
                        strangers.add(ROOT.relativize(file) + ":" + (n + 1) + ": " + lines.get(n).strip());
                    }
                }
            }
        }

        assertThat(configurationFiles()).as("the applications' configuration files").hasSizeGreaterThan(7);
        assertThat(strangers).as("addresses on this machine at a port no row of %s names", StackTable.FILE).isEmpty();
    }

    /**
     * Every module's src/main/resources/*.yml and *.properties, the Keycloak realm's redirect addresses and the local
     * Prometheus' scrape targets.
     */
    private static Set<Path> configurationFiles() throws IOException {
        Set<Path> files = new TreeSet<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getParent().endsWith(Path.of("src/main/resources"))
                        && file.getFileName().toString().matches(".+\\.(ya?ml|properties)")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.add(ROOT.resolve("infra/keycloak/baokao-realm.json"));
        files.add(ROOT.resolve("infra/prometheus/prometheus-local.yml"));
        return files;
    }
}
