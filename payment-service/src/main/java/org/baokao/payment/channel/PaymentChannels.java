package org.baokao.payment.channel;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.baokao.payment.PaymentProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The channels behind {@link PaymentChannel} and the routing rules that pick one for a candidate (PAY-2). Rules are
 * data (table {@code channel_rule}, 6-digit region codes); the exam location is a 4-digit city code, looked up as
 * the city ({@code 3702} → {@code 370200}), then as its province ({@code 3101} → {@code 310000}, Shanghai).
 */
@Component
public class PaymentChannels {

    private final Map<Channel, PaymentChannel> channels = new EnumMap<>(Channel.class);
    private final JdbcClient jdbc;

    PaymentChannels(RestClient.Builder http, PaymentProperties properties, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        RestClient bank = http.baseUrl(properties.bankUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        for (Channel channel : Channel.values()) {
            channels.put(channel, new SandboxBankChannel(channel, bank, clock));
        }
    }

    public PaymentChannel of(Channel channel) {
        return channels.get(channel);
    }

    /** The channel for an exam location (4-digit city code) or a 6-digit region code; empty when no rule. */
    public Optional<Route> route(String locationCode) {
        if (locationCode == null || !locationCode.matches("\\d{4}|\\d{6}")) {
            return Optional.empty();
        }
        String city = locationCode.length() == 4 ? locationCode + "00" : locationCode;
        String province = city.substring(0, 2) + "0000";
        for (String region : new String[] {city, province}) {
            Optional<Route> rule = jdbc.sql("select region_code, channel from channel_rule where region_code = ?")
                    .param(region)
                    .query((row, n) -> new Route(row.getString("region_code"), Channel.valueOf(row.getString("channel"))))
                    .optional();
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    public record Route(String regionCode, Channel channel) {
    }
}
