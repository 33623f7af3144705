package org.baokao.messaging.consumer;

/**
 * A bean that consumes events: it names itself and the events it applies ({@link EventSubscription}); the
 * messaging library listens to the topic, decodes, deduplicates through the inbox, retries and dead-letters.
 */
public interface EventSubscriber {

    EventSubscription subscription();
}
