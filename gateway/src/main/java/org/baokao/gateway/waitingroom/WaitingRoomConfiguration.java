package org.baokao.gateway.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** The waiting room's parts (GW-2); its settings are {@link WaitingRoomProperties}. */
@Configuration(proxyBeanMethods = false)
class WaitingRoomConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoomConfiguration.class);

    @Bean
    InFlightLoad inFlightLoad() {
        return new InFlightLoad();
    }

    @Bean
    WaitingRoom waitingRoom(WaitingRoomProperties properties, InFlightLoad load,
            ReactiveStringRedisTemplate redis, MeterRegistry registry) {
        WaitingRoom room = new WaitingRoom(properties.capacities(), load, new RedisTicketLine(redis, properties),
                new WaitingRoomMetrics(registry), Clock.systemUTC());
        WaitingRoomMetrics.watch(registry, room, load);
        if (room.isActive()) {
            log.info("Waiting room guards {} (requests in flight per instance); the line is shared under {}",
                    properties.capacities().perRoute(), properties.keyPrefix());
        }
        return room;
    }

    @Bean
    WaitingRoomTurns waitingRoomTurns(WaitingRoom room, WaitingRoomProperties properties) {
        return new WaitingRoomTurns(room, properties.turnInterval());
    }

    @Bean
    InFlightCountingFilter inFlightCountingFilter(InFlightLoad load, WaitingRoomProperties properties) {
        return new InFlightCountingFilter(load, properties.capacities());
    }

    @Bean
    WaitingRoomGate waitingRoomGate(WaitingRoom room, WaitingRoomProperties properties) {
        return new WaitingRoomGate(room, new WaitingRoomCookies(signer(properties), properties.passLifetime(),
                properties.ticketLifetime()));
    }

    @Bean
    WaitingRoomFilter waitingRoomFilter(WaitingRoomGate gate, InFlightLoad load, WaitingRoomProperties properties) {
        return new WaitingRoomFilter(gate, load, new WaitingPage(properties.pollInterval(),
                properties.abandonAfter()), properties);
    }

    private static Signer signer(WaitingRoomProperties properties) {
        if (!properties.secret().isBlank()) {
            return new Signer(properties.secret().getBytes(StandardCharsets.UTF_8));
        }
        if (!properties.capacities().isEmpty()) {
            log.warn("baokao.gateway.waiting-room.secret is not set: this instance signs its passes and tickets "
                    + "with a secret of its own, which other instances will not accept");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new Signer(random);
    }
}
