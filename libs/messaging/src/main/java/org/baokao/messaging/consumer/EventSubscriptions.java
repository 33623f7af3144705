package org.baokao.messaging.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baokao.messaging.inbox.Inbox;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;

/** Registers the service's subscriptions as Kafka listeners; refuses a setup that would lose events. */
public final class EventSubscriptions {

    private EventSubscriptions() {
    }

    public static void register(List<EventSubscription> subscriptions, Inbox inbox,
            KafkaListenerEndpointRegistrar registrar) {
        Map<String, String> consumerByTopic = new HashMap<>();
        Map<String, String> topicByConsumer = new HashMap<>();
        for (EventSubscription subscription : subscriptions) {
            // Two listeners of one consumer group on one topic would split its partitions: each would miss events.
            String other = consumerByTopic.putIfAbsent(subscription.topic(), subscription.consumer());
            if (other != null) {
                throw new IllegalStateException(subscription.consumer() + " and " + other + " both read "
                        + subscription.topic() + "; handle those events in one subscription");
            }
            if (topicByConsumer.putIfAbsent(subscription.consumer(), subscription.topic()) != null) {
                throw new IllegalStateException("two subscriptions are named " + subscription.consumer());
            }
            registrar.registerEndpoint(new EventListenerEndpoint(subscription, new EventDispatcher(subscription, inbox)));
        }
    }
}
