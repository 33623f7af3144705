package org.baokao.events;

import java.time.Duration;
import java.util.Objects;

/**
 * How one topic is made (issue 23 §4): declared here with the events, created by each service at start
 * (libs/messaging {@code EventTopicsAutoConfiguration}) rather than by the broker's auto-creation, whose defaults
 * (a week of history) are wrong for a topic that carries SMS codes. Replication factor and
 * {@code min.insync.replicas} depend on the cluster, not on the topic: the deployment sets them
 * ({@code baokao.messaging.topics.*}).
 *
 * @param name       the topic
 * @param partitions how many: keyed ordering holds within one, consumers scale up to this many
 * @param retention  how long the broker keeps a record ({@code retention.ms}, cleanup policy {@code delete})
 * @param segment    how long a log segment stays open ({@code segment.ms}): the broker deletes whole closed
 *                   segments only, so a record lives up to retention + segment; short for short retentions
 */
public record TopicSettings(String name, int partitions, Duration retention, Duration segment) {

    public TopicSettings {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1");
        }
        if (retention.isNegative() || retention.isZero() || segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException(name + ": retention and segment must be positive");
        }
        if (segment.compareTo(retention) > 0) {
            throw new IllegalArgumentException(name + ": a segment longer than the retention keeps records past it");
        }
    }
}
