package org.baokao.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baokao.jobs.*}: whether this instance runs jobs ({@code enabled}: an instance, or a test, that only serves
 * the API leaves them to others), how many at once, how often it looks for due ones, and how often a running job
 * says it is alive (one silent for six intervals is taken as dead, e.g. its instance crashed, and run again).
 */
@ConfigurationProperties("baokao.jobs")
public record JobsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
        @DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration heartbeatInterval) {
}
