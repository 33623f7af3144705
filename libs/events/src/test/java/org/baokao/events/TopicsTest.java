package org.baokao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Issue 23 §4: every topic is declared with its settings; the broker creates none on its own. */
class TopicsTest {

    private static final Map<String, TopicSettings> BY_NAME = Topics.all().stream()
            .collect(Collectors.toMap(TopicSettings::name, Function.identity()));

    @Test
    void everyEventsTopicAndItsDeadLetterTopicIsDeclared() {
        // the local broker no longer creates topics on first use: an undeclared topic's events would never leave
        for (EventCatalog.Descriptor event : EventCatalog.all()) {
            assertThat(BY_NAME).as(event.type()).containsKey(event.topic())
                    .containsKey(Topics.deadLetter(event.topic()));
        }
    }

    @Test
    void smsCodesAndPhonesAreKeptHoursNotTheBrokersWeek() {
        for (String name : new String[] {Topics.NOTIFICATION_REQUESTS, Topics.deadLetter(Topics.NOTIFICATION_REQUESTS)}) {
            TopicSettings settings = BY_NAME.get(name);
            assertThat(settings.retention()).as(name).isEqualTo(Duration.ofHours(6));
            // retention deletes closed segments only: the longest a code can stay is retention + segment
            assertThat(settings.retention().plus(settings.segment())).as(name).isLessThanOrEqualTo(Duration.ofHours(7));
        }
    }

    @Test
    void otherEventsAreKeptAsLongAsTheOutboxKeepsThem() {
        assertThat(BY_NAME.get(Topics.PAYMENT).retention()).isEqualTo(Duration.ofDays(7));
        assertThat(BY_NAME.get(Topics.ACCOUNT).partitions()).isEqualTo(3);
    }

    @Test
    void aSegmentLongerThanTheRetentionIsRefused() {
        assertThatThrownBy(() -> new TopicSettings("t", 1, Duration.ofHours(1), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
