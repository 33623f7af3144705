package org.baokao.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

import io.netty.channel.EventLoop;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The scheduler of the Netty event loop that serves a request's connection, one per loop (a handful), for delays
 * too. Never disposed: that would shut the loop down.
 */
final class EventLoops {

    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    /** The request's own event loop; the calling thread when the request did not come through Reactor Netty. */
    Scheduler of(ServerHttpRequest request) {
        Object nativeRequest;
        try {
            nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException notNative) {
            return Schedulers.immediate();
        }
        if (!(nativeRequest instanceof Connection connection)) {
            return Schedulers.immediate();
        }
        return schedulers.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutorService);
    }
}
