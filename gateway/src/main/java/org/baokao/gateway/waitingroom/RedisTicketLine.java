package org.baokao.gateway.waitingroom;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Mono;

/**
 * The line in Redis, shared by every gateway instance whose {@code key-prefix} is the same. Each operation is one
 * Lua script, so it is atomic and costs one round trip; times are the Redis server's ({@code TIME}), so instances
 * whose clocks differ still agree on who was seen when.
 * <ul>
 * <li>{@code seq}: the last ticket number handed out ({@code INCR}): the order of arrival.</li>
 * <li>{@code waiting}: sorted set of the tickets in the line, scored by their number.</li>
 * <li>{@code seen}: sorted set of the same tickets, scored by when they were last asked about (ms).</li>
 * <li>{@code admitted}: sorted set of admitted tickets not yet forgotten, scored by when (ms).</li>
 * <li>{@code admissions}: sorted set of the turns' admissions ({@code time:first ticket:count}, scored by time),
 * within the rate window: the estimate.</li>
 * </ul>
 */
final class RedisTicketLine implements TicketLine {

    private static final String NOW = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            """;

    // KEYS: seq, waiting, seen
    private static final RedisScript<List> JOIN = RedisScript.of(NOW + """
            local ticket = redis.call('INCR', KEYS[1])
            redis.call('ZADD', KEYS[2], ticket, ticket)
            redis.call('ZADD', KEYS[3], now, ticket)
            return {ticket, redis.call('ZCARD', KEYS[2]) - 1}
            """, List.class);

    // KEYS: waiting, seen, admitted; ARGV: ticket. Answers {-1} admitted, {-2} unknown, else {ahead}.
    private static final RedisScript<List> PLACE = RedisScript.of(NOW + """
            if redis.call('ZSCORE', KEYS[3], ARGV[1]) then
              return {-1}
            end
            local ahead = redis.call('ZRANK', KEYS[1], ARGV[1])
            if not ahead then
              return {-2}
            end
            redis.call('ZADD', KEYS[2], 'XX', now, ARGV[1])
            return {ahead}
            """, List.class);

    // KEYS: waiting, seen, admitted, admissions; ARGV: admit, abandonAfterMs, rateWindowMs
    // Up to 5000 abandoned tickets leave per turn and instance (a few ms of Redis; Lua's unpack takes at most
    // 8000): a client that drops cookies takes a new ticket with every call, and at 1000 a turn a minute of such
    // calls (the gateway bench's wrk at 18,000/s before it kept its pass) left a line of 800,000 that took most of
    // an hour to clear.
    private static final RedisScript<List> TURN = RedisScript.of(NOW + """
            local admit = tonumber(ARGV[1])
            local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]), 'LIMIT', 0, 5000)
            if #stale > 0 then
              redis.call('ZREM', KEYS[1], unpack(stale))
              redis.call('ZREM', KEYS[2], unpack(stale))
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[2]))
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[3]))
            local admitted = 0
            if admit > 0 then
              local front = redis.call('ZPOPMIN', KEYS[1], admit)
              for i = 1, #front, 2 do
                redis.call('ZADD', KEYS[3], now, front[i])
                redis.call('ZREM', KEYS[2], front[i])
                admitted = admitted + 1
              end
              if admitted > 0 then
                redis.call('ZADD', KEYS[4], now, now .. ':' .. front[1] .. ':' .. admitted)
              end
            end
            local lately, oldest = 0, now
            local turns = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
            for i = 1, #turns, 2 do
              lately = lately + tonumber(string.match(turns[i], ':(%d+)$'))
              oldest = math.min(oldest, tonumber(turns[i + 1]))
            end
            return {redis.call('ZCARD', KEYS[1]), admitted, lately, now - oldest, #stale}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final List<String> joinKeys;
    private final List<String> placeKeys;
    private final List<String> turnKeys;
    private final Duration abandonAfter;
    private final Duration rateWindow;
    private final Duration timeout;

    RedisTicketLine(ReactiveStringRedisTemplate redis, WaitingRoomProperties properties) {
        this.redis = redis;
        String prefix = properties.keyPrefix() + ":";
        String seq = prefix + "seq";
        String waiting = prefix + "waiting";
        String seen = prefix + "seen";
        String admitted = prefix + "admitted";
        String admissions = prefix + "admissions";
        this.joinKeys = List.of(seq, waiting, seen);
        this.placeKeys = List.of(waiting, seen, admitted);
        this.turnKeys = List.of(waiting, seen, admitted, admissions);
        this.abandonAfter = properties.abandonAfter();
        this.rateWindow = properties.rateWindow();
        this.timeout = properties.storeTimeout();
    }

    @Override
    public Mono<Joined> join() {
        return run(JOIN, joinKeys, List.of()).map(answer -> new Joined(number(answer, 0), number(answer, 1)));
    }

    @Override
    public Mono<Place> place(long ticket) {
        return run(PLACE, placeKeys, List.of(Long.toString(ticket))).map(answer -> {
            long ahead = number(answer, 0);
            return ahead == -1 ? Place.ADMITTED : ahead == -2 ? Place.UNKNOWN : new Place(Standing.WAITING, ahead);
        });
    }

    @Override
    public Mono<Turn> turn(int admit) {
        return run(TURN, turnKeys, List.of(Integer.toString(admit), Long.toString(abandonAfter.toMillis()),
                Long.toString(rateWindow.toMillis())))
                .map(answer -> new Turn(number(answer, 0), (int) number(answer, 1), number(answer, 2),
                        Duration.ofMillis(number(answer, 3)), (int) number(answer, 4)));
    }

    private Mono<List<?>> run(RedisScript<List> script, List<String> keys, List<String> args) {
        return redis.execute(script, keys, args).next().<List<?>>map(answer -> answer).timeout(timeout);
    }

    private static long number(List<?> answer, int index) {
        Object value = answer.get(index);
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
