package org.baokao.messaging.consumer;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * A subscription as a Kafka listener endpoint: one container per subscription, made by the service's listener
 * container factory (its consumer group, error handler with retries and dead letters, settings).
 */
final class EventListenerEndpoint implements KafkaListenerEndpoint {

    private final String id;
    private final String topic;
    private final EventDispatcher dispatcher;

    EventListenerEndpoint(EventSubscription subscription, EventDispatcher dispatcher) {
        this.id = subscription.consumer();
        this.topic = subscription.topic();
        this.dispatcher = dispatcher;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer container, MessageConverter messageConverter) {
        container.setupMessageListener((MessageListener<String, String>) dispatcher::dispatch);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Collection<String> getTopics() {
        return List.of(topic);
    }

    @Override
    public String getGroupId() {
        return null; // the service's consumer group (spring.kafka.consumer.group-id)
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return new TopicPartitionOffset[0];
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return null;
    }

    @Override
    public Integer getConcurrency() {
        return null;
    }

    @Override
    public Boolean getAutoStartup() {
        return null;
    }

    @Override
    public boolean isSplitIterables() {
        return true;
    }
}
