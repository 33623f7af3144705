package org.baokao.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baokao.events.EventCodec;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.notification.SmsRequested;
import org.junit.jupiter.api.Test;

/** OPS-3 失败消息: whose dead letter it is, from the event it holds. */
class DeadLetterBureauTest {

    @Test
    void anEventNamingABureauIsThatBureausAndOnlyItsOperatorsSeeIt() {
        String payload = write(new SmsRequested(UUID.randomUUID(), UUID.randomUUID(), "13100008780",
                "VERIFICATION_CODE", Map.of("code", "123456"), Instant.now(), "sh"));

        assertThat(DeadLetterBureau.of(payload)).contains("sh");
        assertThat(DeadLetterBureau.visibleTo(DeadLetterBureau.of(payload), "sh")).isTrue();
        assertThat(DeadLetterBureau.visibleTo(DeadLetterBureau.of(payload), "sd")).isFalse();
    }

    @Test
    void anEventNamingNoBureauAndARecordThatIsNoEventArePlatformWide() {
        String noBureau = write(new PasswordChanged(UUID.randomUUID(), "reset", Instant.now()));
        String unnamed = write(new SmsRequested(UUID.randomUUID(), null, "13100008780", "VERIFICATION_CODE",
                Map.of(), Instant.now(), null));

        assertThat(DeadLetterBureau.of(noBureau)).isEmpty();
        assertThat(DeadLetterBureau.of(unnamed)).isEmpty();
        assertThat(DeadLetterBureau.of("{not an event")).isEmpty();
        assertThat(DeadLetterBureau.visibleTo(Optional.empty(), "sd")).isTrue();
        assertThat(DeadLetterBureau.visibleTo(Optional.empty(), "sh")).isTrue();
    }

    private static String write(org.baokao.events.DomainEvent event) {
        return EventCodec.write(EventCodec.envelope(event, UUID.randomUUID(), Instant.now()));
    }
}
