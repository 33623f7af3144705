package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.Topics;
import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.messaging.consumer.EventDispatcher;
import org.baokao.messaging.consumer.EventHandler;
import org.baokao.messaging.consumer.EventHandlerMethods;
import org.baokao.messaging.consumer.EventMeta;
import org.baokao.messaging.consumer.EventSubscription;
import org.baokao.messaging.inbox.Inbox;
import org.junit.jupiter.api.Test;

/** @EventHandler methods become one subscription per consumer; a handler with a wrong signature stops the start. */
class EventHandlerMethodsTest {

    static class Accounts {
        final List<String> seen = new ArrayList<>();

        @EventHandler("accounts")
        void changed(PasswordChanged changed, EventMeta meta) {
            seen.add(changed.reason() + "@" + meta.offset());
        }

        @EventHandler("accounts")
        void registered(CandidateRegistered registered) {
            seen.add("registered");
        }

        @EventHandler("payments")
        void paid(PaymentSucceeded paid) {
            throw new IllegalStateException("bank ledger locked");
        }

        void notAHandler(PasswordChanged changed) {
            seen.add("never");
        }
    }

    static class NoEvent {
        @EventHandler("wrong")
        void on(String text) {
        }
    }

    static class PrivateHandler {
        @EventHandler("wrong")
        private void on(PasswordChanged changed) {
        }
    }

    @Test
    void handlersOfOneConsumerFormOneSubscriptionOnTheirEventsTopic() {
        EventHandlerMethods methods = new EventHandlerMethods();
        Accounts bean = new Accounts();
        methods.postProcessAfterInitialization(bean, "accounts");

        List<EventSubscription> subscriptions = methods.subscriptions();

        assertThat(subscriptions).extracting(EventSubscription::consumer).containsExactlyInAnyOrder("accounts",
                "payments");
        EventSubscription accounts = subscriptions.stream().filter(s -> s.consumer().equals("accounts")).findFirst()
                .orElseThrow();
        assertThat(accounts.topic()).isEqualTo(Topics.ACCOUNT);
    }

    @Test
    void aHandlersOwnExceptionReachesTheErrorHandlerUnwrapped() {
        EventHandlerMethods methods = new EventHandlerMethods();
        methods.postProcessAfterInitialization(new Accounts(), "accounts");
        EventSubscription payments = methods.subscriptions().stream().filter(s -> s.consumer().equals("payments"))
                .findFirst().orElseThrow();
        EventEnvelope envelope = EventCodec.envelope(new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), 10_000, "CEB", "T1", Instant.now(), "考试"), UUID.randomUUID(), Instant.now());

        try (MessagingFixture fixture = new MessagingFixture()) {
            EventDispatcher dispatcher = new EventDispatcher(payments,
                    new Inbox(fixture.jdbc, fixture.transactions, fixture.meters));
            assertThatThrownBy(() -> dispatcher.dispatch(new ConsumerRecord<>(Topics.PAYMENT, 0, 0,
                    envelope.aggregateId(), EventCodec.write(envelope))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("bank ledger locked");
        }
    }

    @Test
    void aHandlerMustTakeAnEventAndBeCallable() {
        assertThatThrownBy(() -> new EventHandlerMethods().postProcessAfterInitialization(new NoEvent(), "x"))
                .hasMessageContaining("takes (SomeEvent) or (SomeEvent, EventMeta)");
        assertThatThrownBy(() -> new EventHandlerMethods().postProcessAfterInitialization(new PrivateHandler(), "x"))
                .hasMessageContaining("neither private nor static");
    }
}
