package org.baokao.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in this one process) for the local stack.
 *
 * <p>The storage is formatted once ({@code kafka-storage format}, here {@link StorageTool}) under the data
 * directory; later starts find {@code meta.properties} and keep the topics and offsets.
 *
 * <p>System properties: {@code baokao.kafka.data} (default {@code .baokao/data/kafka}),
 * {@code baokao.kafka.port} (default 9092), {@code baokao.kafka.controller.port} (default 9093).
 */
public final class KafkaServer {

    private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);

    private KafkaServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("baokao.kafka.data", ".baokao/data/kafka")).toAbsolutePath();
        int port = Integer.getInteger("baokao.kafka.port", 9092);
        int controllerPort = Integer.getInteger("baokao.kafka.controller.port", 9093);

        long started = System.nanoTime();
        Properties props = brokerProperties(dataDir, port, controllerPort);
        formatOnce(dataDir, props);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping the Kafka broker");
            server.shutdown();
            server.awaitShutdown();
            log.info("Kafka broker stopped");
        }, "kafka-shutdown"));
        server.startup();
        log.info("Kafka broker ready on localhost:{} (controller {}, data {}) in {} ms",
                port, controllerPort, dataDir, (System.nanoTime() - started) / 1_000_000);
        server.awaitShutdown();
    }

    static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        // clients reach the broker by the name they were configured with (localhost:PORT; infra/stack/components.txt)
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.toString());

        // one node: every internal topic with replication factor 1, or they are never created
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");

        // Topics are made by the services at start with their declared settings (libs/events Topics.all(), issue 23
        // §4), never by the broker on first use with its defaults (a week of SMS codes): a send to an undeclared
        // topic fails instead of creating it
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "3");
        // a consumer group of one should not wait 3 s for more members (slows every service start and test)
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // a development machine: small segments and a week of history are plenty
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.setProperty("log.retention.hours", "168");
        return p;
    }

    /** Formats the log directory the first time only (it then holds meta.properties with the cluster id). */
    static void formatOnce(Path dataDir, Properties props) throws IOException {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(dataDir);
        Path config = Files.createTempFile("baokao-kafka", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "generated by org.baokao.stack.KafkaServer for kafka-storage format");
            }
            String clusterId = Uuid.randomUuid().toString();
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            int rc = StorageTool.execute(new String[] {"format", "--cluster-id", clusterId, "--config", config.toString()}, stdout);
            if (rc != 0) {
                throw new IllegalStateException("kafka-storage format failed with exit code " + rc);
            }
            log.info("formatted Kafka storage in {} (cluster id {})", dataDir, clusterId);
        } finally {
            Files.deleteIfExists(config);
        }
    }
}
