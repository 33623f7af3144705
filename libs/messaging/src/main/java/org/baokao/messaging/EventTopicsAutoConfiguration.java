package org.baokao.messaging;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.baokao.events.TopicSettings;
import org.baokao.events.Topics;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic of the platform created with explicit settings when a service starts (issue 23 §4), instead of by
 * the broker on first use with its defaults (a week of history for SMS codes). Spring Kafka's {@link KafkaAdmin}
 * (Boot configures one from {@code spring.kafka.*}) does the work at start: it creates the topics that are missing,
 * tolerates another service creating one at the same moment, adds partitions when a declaration has more, and, told
 * to here, sets the configs of an existing topic that differ (e.g. a topic the broker once auto-created with 7 days).
 * Every service declares all topics: whichever starts first makes them, and a service never waits for another.
 * A broker that is down at start is logged, not fatal: the next service start (or restart) creates them.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class EventTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics baokaoEventTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> newTopic(topic, properties.topics()))
                .toArray(NewTopic[]::new));
    }

    /** An existing topic whose retention (or other declared config) differs is changed to the declaration. */
    @Bean
    static BeanPostProcessor baokaoKafkaAdminModifiesTopicConfigs() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    static NewTopic newTopic(TopicSettings topic, MessagingProperties.Topics cluster) {
        return new NewTopic(topic.name(), topic.partitions(), cluster.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()),
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(topic.segment().toMillis()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(cluster.minInsyncReplicas()),
                // a replica that fell behind never becomes leader: it would drop acknowledged records
                TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
    }
}
