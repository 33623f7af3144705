package org.baokao.events;

/**
 * A fact that happened, named in past tense. Implementations are records annotated with {@link EventType};
 * they travel as the {@code payload} of an {@link EventEnvelope}.
 */
public interface DomainEvent {

    /**
     * The Kafka key: the candidate for events of the candidate journey, so one candidate's events stay in
     * order on one partition whichever service's aggregate raised them; otherwise the aggregate's own id.
     */
    String aggregateId();
}
