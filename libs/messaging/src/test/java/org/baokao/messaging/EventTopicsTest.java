package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.baokao.events.TopicSettings;
import org.baokao.events.Topics;
import org.baokao.messaging.app.MessagingTestApplication;
import org.baokao.testkit.ServiceTest;
import org.baokao.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Issue 23 §4: a service's start creates every topic of {@code Topics.all()} on the real broker of the test kit,
 * with its partitions, replication factor, {@code min.insync.replicas}, cleanup policy and retention, and puts back
 * a retention someone (or the broker's auto-creation) changed. The test kit's broker still creates unknown topics
 * on first use (tests make their own); these settings can only come from the declaration.
 */
@ServiceTest
@SpringBootTest(classes = MessagingTestApplication.class, properties = { "baokao.messaging.relay.enabled=false",
        "spring.kafka.consumer.group-id=event-topics-test" })
class EventTopicsTest {

    private static final long SIX_HOURS = Duration.ofHours(6).toMillis();
    private static final long SEVEN_DAYS = Duration.ofDays(7).toMillis();

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void everyTopicExistsWithItsDeclaredSettings() throws Exception {
        List<String> names = Topics.all().stream().map(TopicSettings::name).toList();
        try (Admin admin = admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources(names)).all().get(10, TimeUnit.SECONDS);
            for (TopicSettings topic : Topics.all()) {
                TopicDescription description = described.get(topic.name());
                assertThat(description.partitions()).as(topic.name()).hasSize(topic.partitions());
                assertThat(description.partitions().getFirst().replicas()).as(topic.name()).hasSize(1);
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                assertThat(value(config, TopicConfig.RETENTION_MS_CONFIG)).as(topic.name())
                        .isEqualTo(String.valueOf(topic.retention().toMillis()));
                assertThat(value(config, TopicConfig.SEGMENT_MS_CONFIG)).as(topic.name())
                        .isEqualTo(String.valueOf(topic.segment().toMillis()));
                assertThat(value(config, TopicConfig.CLEANUP_POLICY_CONFIG)).as(topic.name()).isEqualTo("delete");
                assertThat(value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).as(topic.name()).isEqualTo("1");
                // set on the topic, not inherited from the broker's defaults
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).source()).as(topic.name())
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            }
            // phones and SMS codes: hours, not the broker's week
            assertThat(value(configs.get(resource(Topics.NOTIFICATION_REQUESTS)), TopicConfig.RETENTION_MS_CONFIG))
                    .isEqualTo(String.valueOf(SIX_HOURS));
        }
    }

    @Test
    void aStartPutsBackTheDeclaredRetentionOfAnExistingTopic() throws Exception {
        ConfigResource smsTopic = resource(Topics.NOTIFICATION_REQUESTS);
        try (Admin admin = admin()) {
            // what a broker's auto-creation (or an operator) may have left: a week of SMS codes
            admin.incrementalAlterConfigs(Map.of(smsTopic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(SEVEN_DAYS)), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
            assertThat(retention(admin, smsTopic)).isEqualTo(String.valueOf(SEVEN_DAYS));

            kafkaAdmin.initialize(); // what every service start does

            assertThat(retention(admin, smsTopic)).isEqualTo(String.valueOf(SIX_HOURS));
        }
    }

    private static String retention(Admin admin, ConfigResource topic) throws Exception {
        return value(admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic),
                TopicConfig.RETENTION_MS_CONFIG);
    }

    private static String value(Config config, String name) {
        return config.get(name).value();
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    private static Collection<ConfigResource> resources(List<String> names) {
        return names.stream().map(EventTopicsTest::resource).toList();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrapServers()));
    }
}
