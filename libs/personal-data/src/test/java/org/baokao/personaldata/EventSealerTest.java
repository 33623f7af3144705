package org.baokao.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_A;
import static org.baokao.personaldata.PersonalDataTestKeys.KEY_B;
import static org.baokao.personaldata.PersonalDataTestKeys.properties;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Issue 23 §5: personal data inside events is sealed with the shared event keys, rotated by key id. */
class EventSealerTest {

    @Test
    void aSealedValueOpensAndShowsNothingOfThePlaintext() {
        EventSealer sealer = new EventSealer(properties("ev1", Map.of("ev1", KEY_A), null));
        String sealed = sealer.seal("欧阳娜娜");

        assertThat(sealed).startsWith("ev1:").doesNotContain("欧阳").doesNotContain("娜");
        assertThat(sealer.open(sealed)).isEqualTo("欧阳娜娜");
        assertThat(sealer.seal("欧阳娜娜")).as("a fresh IV every time").isNotEqualTo(sealed);
        assertThat(sealer.seal(null)).isNull();
        assertThat(sealer.open(null)).isNull();
    }

    @Test
    void afterARotationEventsSealedWithTheOlderKeyStillOpen() {
        String old = new EventSealer(properties("ev1", Map.of("ev1", KEY_A), null)).seal("张三");
        EventSealer rotated = new EventSealer(properties("ev2", Map.of("ev1", KEY_A, "ev2", KEY_B), null));

        assertThat(rotated.seal("李四")).startsWith("ev2:");
        assertThat(rotated.open(old)).isEqualTo("张三");
    }

    @Test
    void aValueRelabelledTamperedOrMalformedIsRefusedNeverOpenedWrongly() {
        EventSealer sealer = new EventSealer(properties("ev1", Map.of("ev1", KEY_A, "ev2", KEY_B), null));
        String sealed = sealer.seal("张三");

        assertThatThrownBy(() -> sealer.open("ev2" + sealed.substring(3))).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> sealer.open("ev9" + sealed.substring(3))).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> sealer.open("张三")).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> sealer.open("ev1:%%%")).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void anOldEventsValueInClearIsReadAsItIs() {
        EventSealer sealer = new EventSealer(properties("ev1", Map.of("ev1", KEY_A), null));

        assertThat(sealer.openOrClear(null, "王五")).isEqualTo("王五");
        assertThat(sealer.openOrClear(sealer.seal("赵六"), "ignored")).isEqualTo("赵六");
    }

    @Test
    void theEventKeysComeFromTheirOwnSettingsAndAWrongOneIsNamed() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PersonalDataAutoConfiguration.class))
                .withPropertyValues("baokao.personal-data.active-key-id=k1", "baokao.personal-data.keys.k1=" + KEY_A);
        context.withPropertyValues("baokao.event-sealing.active-key-id=ev1", "baokao.event-sealing.keys.ev1=" + KEY_B)
                .run(started -> {
                    EventSealer sealer = started.getBean(EventSealer.class);
                    String sealed = sealer.seal("张三");
                    assertThat(sealed).startsWith("ev1:");
                    // not the service's key at rest
                    assertThat(new EventSealer(properties("ev1", Map.of("ev1", KEY_A), null)))
                            .satisfies(other -> assertThatThrownBy(() -> other.open(sealed))
                                    .isInstanceOf(PersonalDataException.class));
                });
        context.run(started -> assertThatThrownBy(() -> started.getBean(EventSealer.class))
                .rootCause().hasMessageContaining("baokao.event-sealing.keys is missing"));
    }
}
