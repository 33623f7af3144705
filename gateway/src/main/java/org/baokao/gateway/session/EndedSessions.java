package org.baokao.gateway.session;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import reactor.core.publisher.Mono;

/**
 * The candidates' sessions that ended while their access tokens may still be unexpired (issue 23 §5), in the Redis
 * every gateway instance shares (the rate limits' and the waiting room's): one key per session,
 * {@code baokao:session-ended:<sid>}, which expires by itself once no token of the session can still be valid.
 */
class EndedSessions {

    static final String PREFIX = "baokao:session-ended:";

    private final ReactiveStringRedisTemplate redis;
    private final Duration rememberFor;

    EndedSessions(ReactiveStringRedisTemplate redis, Duration rememberFor) {
        this.redis = redis;
        this.rememberFor = rememberFor;
    }

    /** Remembers that session {@code sessionId} ended: its access tokens are refused from now on. */
    Mono<Boolean> end(String sessionId) {
        return redis.opsForValue().set(PREFIX + sessionId, "1", rememberFor);
    }

    /** Whether session {@code sessionId} ended. */
    Mono<Boolean> isEnded(String sessionId) {
        return redis.hasKey(PREFIX + sessionId);
    }
}
