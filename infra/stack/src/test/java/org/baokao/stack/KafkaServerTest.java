package org.baokao.stack;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaServerTest {

    @Test
    void brokerPropertiesAreAValidSingleNodeKraftConfig() {
        Properties props = KafkaServer.brokerProperties(Path.of("/tmp/kafka-data"), 9092, 9093);

        KafkaConfig config = KafkaConfig.fromProps(props, false); // throws on an unknown or inconsistent setting

        assertEquals(1, config.nodeId());
        assertTrue(config.processRoles().size() == 2, "broker and controller in one process");
        assertEquals("1", props.getProperty("offsets.topic.replication.factor"));
        assertEquals("1", props.getProperty("transaction.state.log.replication.factor"));
        // issue 23 §4: topics come from the services with their settings (libs/events Topics.all()), never from first use
        assertEquals("false", props.getProperty("auto.create.topics.enable"));
        assertEquals("PLAINTEXT://localhost:9092", props.getProperty("advertised.listeners"));
    }
}
