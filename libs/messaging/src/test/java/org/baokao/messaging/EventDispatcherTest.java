package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventCodec.MalformedEventException;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventDispatcher;
import org.baokao.messaging.consumer.EventSubscription;
import org.baokao.messaging.consumer.EventSubscriptions;
import org.baokao.messaging.inbox.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;

import tools.jackson.databind.node.JsonNodeFactory;

/** The typed handler API against real PostgreSQL: decode, route by type, apply once, refuse what cannot be read. */
class EventDispatcherTest {

    private final MessagingFixture fixture = new MessagingFixture();
    private final Inbox inbox = new Inbox(fixture.jdbc, fixture.transactions, fixture.meters);
    private final List<String> applied = new ArrayList<>();
    private final String consumer = "dispatcher-test-" + UUID.randomUUID();
    private final EventDispatcher dispatcher = new EventDispatcher(EventSubscription.named(consumer)
            .on(PasswordChanged.class, (event, meta) -> applied.add("password " + event.reason() + " " + meta.offset()))
            .on(CandidateRegistered.class, (event, meta) -> applied.add("registered")), inbox);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aHandledEventReachesItsTypedHandlerOnceWithItsMeta() {
        EventEnvelope envelope = envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()));

        assertThat(dispatcher.dispatch(record(envelope, 41))).isTrue();
        assertThat(dispatcher.dispatch(record(envelope, 42))).as("a redelivery").isFalse();

        assertThat(applied).containsExactly("password RESET 41");
        assertThat(inboxRows()).isEqualTo(1);
    }

    /** Issue 24: while a handler runs, its event is the cause of what it publishes; the meta names the chain. */
    @Test
    void aHandlerRunsWithItsEventAsTheCauseAndSeesItsChain() {
        EventEnvelope first = envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()));
        EventEnvelope caused = EventCodec.envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()),
                UUID.randomUUID(), Instant.now(), first);
        List<Object> seen = new ArrayList<>();
        EventDispatcher watching = new EventDispatcher(EventSubscription.named(consumer)
                .on(PasswordChanged.class, (event, meta) -> {
                    seen.add(org.baokao.messaging.outbox.CausingEvent.current().eventId());
                    seen.add(meta.correlationId());
                    seen.add(meta.causationId());
                }), inbox);

        watching.dispatch(record(caused, 7));

        assertThat(seen).containsExactly(caused.eventId(), first.eventId(), first.eventId());
        assertThat(org.baokao.messaging.outbox.CausingEvent.current()).as("nothing left on the thread").isNull();
    }

    @Test
    void eventsTheSubscriptionDoesNotNameAreSkippedWithoutATrace() {
        EventEnvelope other = envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()));
        EventDispatcher onlyRegistrations = new EventDispatcher(EventSubscription.named(consumer)
                .on(CandidateRegistered.class, (event, meta) -> applied.add("registered")), inbox);

        assertThat(onlyRegistrations.dispatch(record(other, 1))).isFalse();

        assertThat(applied).isEmpty();
        assertThat(inboxRows()).isZero();
    }

    @Test
    void aRecordThatIsNotAnEventOrAnUnknownVersionOfAHandledTypeCannotBeRead() {
        assertThatThrownBy(() -> dispatcher.dispatch(new ConsumerRecord<>(Topics.ACCOUNT, 0, 1, "k", "{not json")))
                .isInstanceOf(MalformedEventException.class);
        EventEnvelope v1 = envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()));
        EventEnvelope v9 = new EventEnvelope(v1.eventId(), v1.type(), 9, v1.occurredAt(), v1.aggregateId(),
                v1.payload());
        assertThatThrownBy(() -> dispatcher.dispatch(record(v9, 2))).isInstanceOf(MalformedEventException.class);
        EventEnvelope garbled = new EventEnvelope(v1.eventId(), v1.type(), 1, v1.occurredAt(), v1.aggregateId(),
                JsonNodeFactory.instance.objectNode().put("changedAt", "not a time"));
        assertThatThrownBy(() -> dispatcher.dispatch(record(garbled, 3))).isInstanceOf(MalformedEventException.class);

        assertThat(applied).isEmpty();
        assertThat(inboxRows()).isZero();
    }

    @Test
    void aHandlerThatThrowsLeavesNoInboxRecordSoTheRetryAppliesIt() {
        EventEnvelope envelope = envelope(new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()));
        boolean[] failing = { true };
        EventDispatcher flaky = new EventDispatcher(EventSubscription.named(consumer)
                .on(PasswordChanged.class, (event, meta) -> {
                    if (failing[0]) {
                        throw new IllegalStateException("database hiccup");
                    }
                    applied.add("applied");
                }), inbox);

        assertThatThrownBy(() -> flaky.dispatch(record(envelope, 1))).hasMessageContaining("hiccup");
        assertThat(inboxRows()).isZero();
        failing[0] = false;
        assertThat(flaky.dispatch(record(envelope, 1))).isTrue();
        assertThat(applied).containsExactly("applied");
    }

    @Test
    void oneSubscriptionReadsOneTopicAndNamesEachEventOnce() {
        EventSubscription account = EventSubscription.named("x").on(PasswordChanged.class, (e, m) -> { });
        assertThat(account.topic()).isEqualTo(Topics.ACCOUNT);
        assertThatThrownBy(() -> account.on(PaymentSucceeded.class, (e, m) -> { }))
                .hasMessageContaining("one subscription reads one topic");
        assertThatThrownBy(() -> account.on(PasswordChanged.class, (e, m) -> { })).hasMessageContaining("twice");
        assertThatThrownBy(() -> EventSubscription.named(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSubscriptionsOfOneServiceOnOneTopicAreRefusedAtStartup() {
        EventSubscription first = EventSubscription.named("first").on(PasswordChanged.class, (e, m) -> { });
        EventSubscription second = EventSubscription.named("second").on(CandidateRegistered.class, (e, m) -> { });

        assertThatThrownBy(() -> EventSubscriptions.register(List.of(first, second), inbox,
                new KafkaListenerEndpointRegistrar())).hasMessageContaining("both read " + Topics.ACCOUNT);
    }

    private EventEnvelope envelope(org.baokao.events.DomainEvent event) {
        return EventCodec.envelope(event, UUID.randomUUID(), Instant.now());
    }

    private static ConsumerRecord<String, String> record(EventEnvelope envelope, long offset) {
        return new ConsumerRecord<>(Topics.ACCOUNT, 0, offset, envelope.aggregateId(), EventCodec.write(envelope));
    }

    private long inboxRows() {
        return fixture.jdbc.sql("select count(*) from messaging.inbox where consumer = ?").param(consumer)
                .query(Long.class).single();
    }
}
