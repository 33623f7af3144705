package org.baokao.gateway.session;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Issue 23 §5: ended sessions refused at the edge, unless {@code baokao.gateway.ended-sessions.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baokao.gateway.ended-sessions.enabled", havingValue = "true", matchIfMissing = true)
class EndedSessionConfiguration {

    @Bean
    EndedSessionFilter endedSessionFilter(ReactiveStringRedisTemplate redis, EndedSessionProperties properties,
            MeterRegistry registry) {
        return new EndedSessionFilter(new EndedSessions(redis, properties.rememberFor()), properties, registry);
    }
}
