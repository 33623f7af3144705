package org.baokao.system.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.StackTable;

/**
 * A second instance of every service and a second gateway beside the running stack (issue 23 §3): the same jars
 * ./baokao extracted, the same profile, each service on its port + 10000, and a gateway on 18080 whose routes spread
 * over both instances of each service (Spring Cloud LoadBalancer, {@code lb://NAME} with the instances listed in
 * {@code spring.cloud.discovery.client.simple.instances}). Closing stops them.
 */
final class SecondInstances implements AutoCloseable {

    /** The services behind the gateway, as named in the component table and its route settings. */
    static final Map<String, String> SERVICES = Map.of("account-service", "account", "enrollment-service", "enrollment",
            "photo-service", "photo", "payment-service", "payment", "notification-service", "notification");
    static final int OFFSET = 10000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final List<Process> processes = new ArrayList<>();
    private final Path home;

    private SecondInstances(Path home) {
        this.home = home;
    }

    static SecondInstances start(Path home) throws IOException, InterruptedException {
        SecondInstances second = new SecondInstances(home);
        try {
            for (String service : SERVICES.keySet()) {
                second.launch(service, StackTable.portOf(service) + OFFSET, Map.of("SERVER_ADDRESS", "127.0.0.1"));
            }
            Map<String, String> balanced = new LinkedHashMap<>();
            SERVICES.forEach((service, route) -> {
                balanced.put("BAOKAO_GATEWAY_SERVICES_" + route.toUpperCase(), "lb://" + route);
                balanced.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + route.toUpperCase() + "_0_URI",
                        StackTable.urlOf(service));
                balanced.put("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_" + route.toUpperCase() + "_1_URI",
                        "http://localhost:" + (StackTable.portOf(service) + OFFSET));
            });
            second.launch("gateway", second.gatewayPort(), balanced);
            for (String service : SERVICES.keySet()) {
                second.awaitHealthy(service, StackTable.portOf(service) + OFFSET);
            }
            second.awaitHealthy("gateway", second.gatewayPort());
            return second;
        } catch (IOException | InterruptedException | RuntimeException e) {
            second.close();
            throw e;
        }
    }

    int gatewayPort() {
        return StackTable.portOf("gateway") + OFFSET;
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort();
    }

    private void launch(String name, int port, Map<String, String> env) throws IOException {
        Path jar = home.resolve(".baokao/apps/" + name + "/" + name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./baokao up extracts it");
        }
        Path log = home.resolve(".baokao/logs/" + name + "-2.log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx192m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPRING_PROFILES_ACTIVE", "local");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        processes.add(builder.start());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitHealthy(String name, int port) throws InterruptedException {
        HttpProbe probe = HttpProbe.at("http://localhost:" + port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a second instance exited; see .baokao/logs/*-2.log");
            }
            try {
                if (probe.get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the second " + name + " was not healthy within " + START_TIMEOUT.toSeconds()
                + " s; see .baokao/logs/" + name + "-2.log");
    }

    /**
     * The work an instance at {@code port} has done so far: requests answered (its http.server.requests counters,
     * the actuator's left out) and events applied from Kafka (baokao.inbox.consumed; notification-service's work).
     */
    static long served(int port) {
        String metrics = HttpProbe.at("http://localhost:" + port).get("/actuator/prometheus").body();
        return metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && !line.contains("uri=\"/actuator")
                        || line.startsWith("baokao_inbox_consumed_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
