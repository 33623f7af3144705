package org.baokao.gateway.ratelimit;

import java.time.Duration;

import org.baokao.gateway.routing.ClientAddresses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bucket4j.TimeMeter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * GW-1's rate limits, on unless {@code baokao.gateway.rate-limits.enabled=false}. Redis is the one named by
 * {@code spring.data.redis.*} (the local stack's on 6379 by default), on Boot's Lettuce resources (event loops)
 * but with a connection of its own whose options suit a limiter that fails open: commands are refused at once
 * while Redis is unreachable, instead of being queued until it returns.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baokao.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    LimitPolicy limitPolicy(RateLimitProperties properties) {
        return new LimitPolicy(properties.settings());
    }

    @Bean(destroyMethod = "close")
    RedisTokenBuckets redisTokenBuckets(DataRedisConnectionDetails redis, ClientResources resources,
            RateLimitProperties properties, ObjectProvider<TimeMeter> clock) {
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // a command Redis never answers is dropped after this, not kept until the connection closes
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(1)))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .build());
        return new RedisTokenBuckets(client, uriOf(redis), clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS),
                properties.reconnectInterval());
    }

    @Bean
    RateLimitFilter rateLimitFilter(LimitPolicy policy, TokenBuckets buckets, ClientAddresses clients,
            MeterRegistry registry, RateLimitProperties properties) {
        return new RateLimitFilter(policy, buckets, clients,
                new RateLimitMetrics(registry, properties.failureLogInterval()), properties.storeTimeout());
    }

    private static RedisURI uriOf(DataRedisConnectionDetails redis) {
        DataRedisConnectionDetails.Standalone standalone = redis.getStandalone();
        if (standalone == null) {
            throw new IllegalStateException("The gateway's rate limits need a single Redis server "
                    + "(spring.data.redis.url or host/port), not a cluster or sentinels");
        }
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(standalone.getHost())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase());
        if (redis.getPassword() != null) {
            if (redis.getUsername() != null) {
                uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray());
            } else {
                uri.withPassword(redis.getPassword().toCharArray());
            }
        }
        return uri.build();
    }
}
