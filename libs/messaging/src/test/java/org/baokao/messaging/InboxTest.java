package org.baokao.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.baokao.events.EventCodec;
import org.baokao.events.EventEnvelope;
import org.baokao.events.account.PasswordChanged;
import org.baokao.messaging.inbox.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox against real PostgreSQL: any number of deliveries, one effect. */
class InboxTest {

    private final MessagingFixture fixture = new MessagingFixture();
    private final Inbox inbox = new Inbox(fixture.jdbc, fixture.transactions, fixture.meters);

    @BeforeEach
    void effectsTable() {
        fixture.jdbc.sql("create table if not exists inbox_effect (event_id uuid, consumer text)").update();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theSameEventDeliveredTwentyTimesConcurrentlyHasOneEffect() throws Exception {
        EventEnvelope envelope = EventCodec.envelope(
                new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()), UUID.randomUUID(), Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Boolean> delivery = () -> {
                start.await();
                return inbox.apply("notification", envelope, e -> effect(e, "notification"));
            };
            outcomes.add(pool.submit(delivery));
        }
        start.countDown();
        long applied = 0;
        for (Future<Boolean> outcome : outcomes) {
            applied += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(applied).isEqualTo(1);
        assertThat(effects(envelope)).isEqualTo(1);
        assertThat(fixture.meters.find("baokao.inbox.duplicates").counter().count()).isEqualTo(19);
    }

    @Test
    void eachConsumerAppliesTheEventOnceForItself() {
        EventEnvelope envelope = EventCodec.envelope(
                new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()), UUID.randomUUID(), Instant.now());

        assertThat(inbox.apply("enrollment", envelope, e -> effect(e, "enrollment"))).isTrue();
        assertThat(inbox.apply("notification", envelope, e -> effect(e, "notification"))).isTrue();
        assertThat(inbox.apply("notification", envelope, e -> effect(e, "notification"))).isFalse();

        assertThat(effects(envelope)).isEqualTo(2);
    }

    @Test
    void aFailedEffectLeavesNoTraceSoTheRetryApplies() {
        EventEnvelope envelope = EventCodec.envelope(
                new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()), UUID.randomUUID(), Instant.now());

        assertThatThrownBy(() -> inbox.apply("enrollment", envelope, e -> {
            effect(e, "enrollment");
            throw new IllegalStateException("database of a downstream projection is down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(effects(envelope)).isZero();

        assertThat(inbox.apply("enrollment", envelope, e -> effect(e, "enrollment"))).isTrue();
        assertThat(effects(envelope)).isEqualTo(1);
    }

    @Test
    void entriesPastTheirRetentionAreForgottenAndRecentOnesKept() {
        EventEnvelope old = EventCodec.envelope(
                new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()), UUID.randomUUID(), Instant.now());
        EventEnvelope recent = EventCodec.envelope(
                new PasswordChanged(UUID.randomUUID(), "RESET", Instant.now()), UUID.randomUUID(), Instant.now());
        inbox.apply("enrollment", old, e -> { });
        inbox.apply("enrollment", recent, e -> { });
        fixture.jdbc.sql("update messaging.inbox set processed_at = now() - interval '31 days' where event_id = ?")
                .param(old.eventId()).update();

        int forgotten = inbox.forgetAppliedBefore(Instant.now().minus(java.time.Duration.ofDays(30)));

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(inbox.apply("enrollment", recent, e -> { })).as("still remembered").isFalse();
        assertThat(fixture.jdbc.sql("select count(*) from messaging.inbox where event_id = ?").param(old.eventId())
                .query(Long.class).single()).isZero();
    }

    private void effect(EventEnvelope envelope, String consumer) {
        fixture.jdbc.sql("insert into inbox_effect (event_id, consumer) values (?, ?)")
                .params(envelope.eventId(), consumer).update();
    }

    private long effects(EventEnvelope envelope) {
        return fixture.jdbc.sql("select count(*) from inbox_effect where event_id = ?").param(envelope.eventId())
                .query(Long.class).single();
    }
}
