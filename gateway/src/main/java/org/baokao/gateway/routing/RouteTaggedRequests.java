package org.baokao.gateway.routing;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The gateway's {@code http.server.requests} with a {@code route} tag: the id of the route that served the request
 * (account, enrollment, photo, payment, notification, open-api, ...) or {@code none} for the gateway's own answers
 * (web UI, actuator, refusals before routing). Spring's {@code uri} tag says nothing for proxied requests (no handler
 * pattern: UNKNOWN), and Spring Cloud Gateway's own {@code spring.cloud.gateway.requests} timer stays off (it repeated
 * this timer on every call, issue 21): this tag is what the latency-by-route panels read (issue 24), at the cost of
 * one attribute look-up per request. Low cardinality: one value per configured route.
 */
@Configuration(proxyBeanMethods = false)
class RouteTaggedRequests {

    static final String TAG = "route";
    static final String NO_ROUTE = "none";

    /** Replaces Boot's default convention (it backs off when one is defined); same name and tags, plus the route. */
    @Bean
    ServerRequestObservationConvention routeTaggedRequestConvention() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and(route(context));
            }
        };
    }

    private static KeyValue route(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return KeyValue.of(TAG, route instanceof Route matched ? matched.getId() : NO_ROUTE);
    }
}
